package org.rabt.mappings.education;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Bounds the characters the CSV parser can take in for one record, so that a batch with a stray
 * quote (everything after it becomes one value) or a line without end cannot make the hub hold
 * the whole batch in memory. {@link #startRecord()} opens a new budget; the parser's read-ahead
 * buffer counts against it, which only makes the bound approximate by the size of that buffer.
 */
final class RecordBudgetReader extends FilterReader {

    /** Signals that a record went over the budget; an IOException so that it crosses the parser unchanged. */
    static final class RecordTooLong extends IOException {

        private static final long serialVersionUID = 1L;

        RecordTooLong(long budget) {
            super("a row is longer than " + budget + " characters");
        }
    }

    private final long budget;
    private long used;

    RecordBudgetReader(Reader in, long budget) {
        super(in);
        this.budget = budget;
    }

    void startRecord() {
        used = 0;
    }

    @Override
    public int read() throws IOException {
        int c = super.read();
        if (c >= 0) {
            spend(1);
        }
        return c;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            spend(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        throw new IOException("skip is not supported");
    }

    @Override
    public void close() {
        // The parser may close its reader; DropoutBatchReader.close() closes the source itself, once.
    }

    private void spend(int characters) throws RecordTooLong {
        used += characters;
        if (used > budget) {
            throw new RecordTooLong(budget);
        }
    }
}
