package org.kaohe.imports;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

import org.kaohe.errors.Message;
import org.kaohe.errors.MessageText;

/**
 * A stream that fails once more than its limit has been read from it (an unpacked part of a
 * workbook, say), so that what reads it stops there instead of filling the memory or running on.
 */
final class LimitedStream extends FilterInputStream {

    /** Thrown when the limit is passed; its problem says what and how much. */
    static final class LimitPassed extends IOException {

        private final transient Message problem;

        LimitPassed(Message problem) {
            super(MessageText.bilingual(problem));
            this.problem = problem;
        }

        Message problem() {
            return problem;
        }
    }

    private final long limit;
    private final Message passed;
    private long read;

    /** {@code passed}: the problem reported when more than {@code limit} bytes are read. */
    LimitedStream(InputStream in, long limit, Message passed) {
        super(in);
        this.limit = limit;
        this.passed = passed;
    }

    /** Bytes read so far. */
    long bytesRead() {
        return read;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        count(b < 0 ? 0 : 1);
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        count(Math.max(0, n));
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        count(skipped);
        return skipped;
    }

    private void count(long n) throws LimitPassed {
        read += n;
        if (read > limit) {
            throw new LimitPassed(passed);
        }
    }
}
