package org.kaohe.imports;

/** A file's text after decoding, and the encoding it was found to be in. */
record DecodedFile(String text, String encoding) {

    static final String UTF_8_BOM = "UTF-8-BOM";
    static final String UTF_8 = "UTF-8";
    static final String GB18030 = "GB18030";
}
