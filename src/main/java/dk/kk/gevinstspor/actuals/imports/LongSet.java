package dk.kk.gevinstspor.actuals.imports;

/** A set of longs without boxing (open addressing), for finding duplicate rows among a million. */
final class LongSet {

    private static final long EMPTY = Long.MIN_VALUE;
    private long[] slots = new long[1 << 12];
    private int size;

    LongSet() {
        java.util.Arrays.fill(slots, EMPTY);
    }

    /** Adds the value; false when it was there already. */
    boolean add(long value) {
        if (size * 2 >= slots.length) {
            grow();
        }
        boolean added = insert(slots, value);
        if (added) {
            size++;
        }
        return added;
    }

    private static boolean insert(long[] table, long value) {
        int mask = table.length - 1;
        int i = (int) (mix(value) & mask);
        while (table[i] != EMPTY) {
            if (table[i] == value) {
                return false;
            }
            i = (i + 1) & mask;
        }
        table[i] = value;
        return true;
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        java.util.Arrays.fill(slots, EMPTY);
        for (long v : old) {
            if (v != EMPTY) {
                insert(slots, v);
            }
        }
    }

    private static long mix(long x) {
        x ^= x >>> 33;
        x *= 0xff51afd7ed558ccdL;
        x ^= x >>> 33;
        return x;
    }
}
