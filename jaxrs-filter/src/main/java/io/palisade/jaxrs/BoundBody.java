package io.palisade.jaxrs;

import io.palisade.core.request.Incompleteness;
import io.palisade.core.request.InputSource;
import io.palisade.core.request.RequestRecord;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;

/**
 * A JSON body the resource method receives and that is longer than what the request filter parses
 * ({@code maxBodyBytes}): the rest is copied as the application reads it (up to {@code maxBodyCopy}),
 * and parsed whole when a SQL check asks ({@link RequestRecord#settle()}), so that no leaf the
 * application can concatenate escapes the check, however much padding precedes it.
 *
 * <p>Re-parsing is linear overall: each growth of the copy is parsed again at most four times
 * unconditionally, then only when the copy has doubled. Thread-safe.
 */
final class BoundBody implements RequestRecord.LateInputs {

    private static final int FREE_REPARSES = 4;

    private final byte[] head;
    private final int maxCopy;
    private final ByteArrayOutputStream rest = new ByteArrayOutputStream();
    private boolean cut;
    private int parsedAt;
    private int parses;

    /**
     * @param head the bytes read so far, handed back to the application first
     * @param parsed how many of them were parsed already
     */
    BoundBody(byte[] head, int parsed, int maxCopy) {
        this.head = head;
        this.maxCopy = maxCopy;
        this.parsedAt = parsed;
    }

    /** What the application reads instead of the original stream: the head, then the rest, copied as it goes. */
    InputStream stream(InputStream remainder) {
        return new SequenceInputStream(new ByteArrayInputStream(head), new Copying(remainder));
    }

    @Override
    public void collect(RequestRecord record) {
        byte[] whole;
        boolean truncated;
        synchronized (this) {
            int total = head.length + rest.size();
            if (total == parsedAt || parses >= FREE_REPARSES && total < 2L * parsedAt) {
                return;
            }
            parsedAt = total;
            parses++;
            whole = new byte[total];
            System.arraycopy(head, 0, whole, 0, head.length);
            byte[] copied = rest.toByteArray();
            System.arraycopy(copied, 0, whole, head.length, copied.length);
            truncated = cut;
        }
        record.replaceBoundInputs(InputSource.JSON, BodyInputs.all(whole));
        if (truncated) {
            record.incomplete(Incompleteness.BODY_CUT);
        }
    }

    private synchronized void copy(byte[] bytes, int offset, int length) {
        int room = maxCopy - rest.size();
        if (length > room) {
            cut = true;
        }
        if (room > 0) {
            rest.write(bytes, offset, Math.min(room, length));
        }
    }

    /** The rest of the body, copied as it is read; skipping reads too, so nothing escapes the copy. */
    private final class Copying extends FilterInputStream {

        Copying(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                copy(new byte[] {(byte) b}, 0, 1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                copy(buffer, offset, n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            byte[] scratch = new byte[(int) Math.min(8192, Math.max(0, n))];
            long skipped = 0;
            while (skipped < n) {
                int read = read(scratch, 0, (int) Math.min(scratch.length, n - skipped));
                if (read < 0) {
                    break;
                }
                skipped += read;
            }
            return skipped;
        }

        @Override
        public boolean markSupported() {
            return false;
        }

        @Override
        public void mark(int limit) {
            // not supported: the copy follows the stream in one direction
        }

        @Override
        public void reset() throws IOException {
            throw new IOException("mark/reset not supported");
        }
    }
}
