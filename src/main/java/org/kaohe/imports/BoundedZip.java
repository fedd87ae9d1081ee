package org.kaohe.imports;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * An uploaded zip read entry by entry within {@link ImportLimits}: an entry that would take the
 * unpacked total past the limit, or unpack far more than the packed bytes read so far (a zip
 * bomb), is not read to its end. Shared by the record upload and the rulebook upload.
 */
public final class BoundedZip implements AutoCloseable {

    private final CountingStream packed;
    private final ZipInputStream in;

    public BoundedZip(byte[] zip) {
        this.packed = new CountingStream(new ByteArrayInputStream(zip));
        this.in = new ZipInputStream(packed);
    }

    /** The next entry, or null at the end. */
    public ZipEntry next() throws IOException {
        return in.getNextEntry();
    }

    /**
     * The current entry's bytes, or null when reading it would pass the limits; {@code before} is
     * what the earlier entries unpacked to.
     */
    public byte[] read(long before) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        long size = before;
        int n;
        while ((n = in.read(buffer)) > 0) {
            size += n;
            boolean tooLarge = size > ImportLimits.MAX_UNPACKED_BYTES;
            boolean bomb = size > ImportLimits.BOMB_CHECK_FROM
                    && size > (long) ImportLimits.MAX_COMPRESSION_RATIO * Math.max(1, packed.count);
            if (tooLarge || bomb) {
                return null;
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    /** An entry's path that would leave the folder it is unpacked into: absolute, a drive, or with "..". */
    public static boolean unsafePath(String path) {
        return path.startsWith("/") || path.matches("(?s)(.*/)?\\.\\.(/.*)?") || path.matches("[A-Za-z]:.*");
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** Counts the packed bytes read so far, to compare with what they unpack to. */
    private static final class CountingStream extends java.io.FilterInputStream {
        private long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count += b < 0 ? 0 : 1;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            count += Math.max(0, n);
            return n;
        }
    }
}
