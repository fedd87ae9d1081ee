package org.kaohe.imports;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.springframework.modulith.NamedInterface;

/**
 * An uploaded zip read entry by entry within limits: past its limit of entries no entry is read;
 * an entry that would pass the limit of one entry or take the unpacked total past the limit, or
 * unpack far more than the packed bytes read so far (a zip bomb), is not read to its end. Shared
 * by the record upload ({@link ImportLimits}) and the rulebook upload (its own limits).
 */
@NamedInterface("imports") // the import module's API; every type here not marked so is internal
public final class BoundedZip implements AutoCloseable {

    private final CountingStream packed;
    private final ZipInputStream in;
    private final int maxEntries;
    private final long maxEntryBytes;
    private final long maxTotalBytes;
    private int entries;

    /** A zip of a period's files, within {@link ImportLimits}. */
    public BoundedZip(byte[] zip) {
        this(new ByteArrayInputStream(zip));
    }

    /** A zip of a period's files read as a stream (an upload on disk), within {@link ImportLimits}. */
    public BoundedZip(InputStream zip) {
        this(zip, ImportLimits.MAX_ZIP_ENTRIES, ImportLimits.maxUnpackedBytes(), ImportLimits.maxUnpackedBytes());
    }

    public BoundedZip(byte[] zip, int maxEntries, long maxEntryBytes, long maxTotalBytes) {
        this(new ByteArrayInputStream(zip), maxEntries, maxEntryBytes, maxTotalBytes);
    }

    public BoundedZip(InputStream zip, int maxEntries, long maxEntryBytes, long maxTotalBytes) {
        this.packed = new CountingStream(zip);
        this.in = new ZipInputStream(packed);
        this.maxEntries = maxEntries;
        this.maxEntryBytes = maxEntryBytes;
        this.maxTotalBytes = maxTotalBytes;
    }

    /** The next entry, or null at the end or past the limit of entries ({@link #tooManyEntries()}). */
    public ZipEntry next() throws IOException {
        if (entries >= maxEntries) {
            ZipEntry more = in.getNextEntry();
            entries += more == null ? 0 : 1;
            return null;
        }
        ZipEntry entry = in.getNextEntry();
        entries += entry == null ? 0 : 1;
        return entry;
    }

    /** True when the archive holds more entries than it may: the rest were not read. */
    public boolean tooManyEntries() {
        return entries > maxEntries;
    }

    public int maxEntries() {
        return maxEntries;
    }

    /**
     * The current entry's bytes, or null when reading it would pass the limits; {@code before} is
     * what the earlier entries unpacked to.
     */
    public byte[] read(long before) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        return copy(before, out) < 0 ? null : out.toByteArray();
    }

    /**
     * Copies the current entry to {@code out}; returns its size, or -1 as soon as it passes the
     * limits (what was copied so far is to be thrown away). {@code before}: what earlier entries unpacked to.
     */
    public long copy(long before, java.io.OutputStream out) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long size = before;
        long entry = 0;
        int n;
        while ((n = in.read(buffer)) > 0) {
            size += n;
            entry += n;
            boolean tooLarge = size > maxTotalBytes || entry > maxEntryBytes;
            boolean bomb = size > ImportLimits.BOMB_CHECK_FROM
                    && size > (long) ImportLimits.MAX_COMPRESSION_RATIO * Math.max(1, packed.count);
            if (tooLarge || bomb) {
                return -1;
            }
            out.write(buffer, 0, n);
        }
        return entry;
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
