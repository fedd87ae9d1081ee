package org.kaohe.audit;

import java.util.Arrays;

/**
 * The bytes a seal's MAC is computed over, gathered in a buffer of the thread's ({@link SealKey#seal},
 * {@link SealKey#macJoined}): a few hundred bytes a record, grown when a record needs more, so sealing
 * hundreds of thousands of records makes no text and no buffer of its own for each.
 */
final class SealBytes {

    private static final ThreadLocal<SealBytes> OF_THREAD = ThreadLocal.withInitial(SealBytes::new);

    private byte[] array = new byte[512];
    private int length;

    private SealBytes() {}

    /** This thread's buffer, emptied. */
    static SealBytes ofThisThread() {
        SealBytes bytes = OF_THREAD.get();
        bytes.length = 0;
        return bytes;
    }

    byte[] array() {
        return array;
    }

    int length() {
        return length;
    }

    void put(byte b) {
        room(1);
        array[length++] = b;
    }

    void put(byte[] bytes) {
        room(bytes.length);
        System.arraycopy(bytes, 0, array, length, bytes.length);
        length += bytes.length;
    }

    /** A length in decimal ASCII digits, as {@code Integer.toString} writes it (never negative). */
    void digits(int n) {
        int count = 1;
        for (int rest = n / 10; rest > 0; rest /= 10) {
            count++;
        }
        room(count);
        for (int i = length + count - 1, rest = n; i >= length; i--, rest /= 10) {
            array[i] = (byte) ('0' + rest % 10);
        }
        length += count;
    }

    private void room(int more) {
        if (length + more > array.length) {
            array = Arrays.copyOf(array, Math.max(2 * array.length, length + more));
        }
    }
}
