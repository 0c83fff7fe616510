package dev.handoff.train;

import dev.handoff.checkpoint.CheckpointException;
import dev.handoff.checkpoint.StateReader;
import dev.handoff.checkpoint.StateWriter;
import dev.handoff.util.AtomicFiles;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * The checkpoints of a run folder, one file per algorithm and seed under {@code checkpoints/}. Each ends in a trailer
 * (the SHA-256 of the state, {@value #TRAILER_MAGIC}, the state's length), is written to a temporary file, forced to
 * disk and renamed into place, and the one it replaces is kept as {@code <name>.prev}: a half-written or damaged newest
 * checkpoint is never restored, and the previous one is still there to fall back to. Checkpoints written before the
 * trailer existed (state only) are still read.
 */
public final class RunCheckpoints {
    public static final String FOLDER = "checkpoints";
    /** Suffix of the checkpoint a newer one replaced. */
    public static final String PREVIOUS = ".prev";
    static final String TRAILER_MAGIC = "HCKS";
    private static final int DIGEST_BYTES = 32;
    private static final int TRAILER_BYTES = DIGEST_BYTES + 4 + 8;

    private RunCheckpoints() {
    }

    public static Path fileOf(Path runDir, Algorithm algorithm, long seed) {
        return runDir.resolve(FOLDER).resolve(algorithm.cliName() + "-seed" + seed + ".ckpt");
    }

    /** The checkpoint {@code fileOf(...)} replaced last, kept to fall back to. */
    public static Path previousOf(Path checkpoint) {
        return checkpoint.resolveSibling(checkpoint.getFileName() + PREVIOUS);
    }

    /** Writes {@code trainer}'s whole state as its checkpoint in {@code runDir}, keeping the one it replaces. */
    public static void write(Path runDir, SeedRun trainer) {
        Path file = fileOf(runDir, trainer.algorithm(), trainer.seed());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.createDirectories(file.getParent());
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                OutputStream raw = new BufferedOutputStream(Channels.newOutputStream(ch), 1 << 16);
                MessageDigest sha = sha256();
                CountingOutputStream counted = new CountingOutputStream(new DigestOutputStream(raw, sha));
                StateWriter w = new StateWriter(counted);
                trainer.saveState(w);
                DataOutputStream trailer = new DataOutputStream(raw);
                trailer.write(sha.digest());
                trailer.write(TRAILER_MAGIC.getBytes(StandardCharsets.US_ASCII));
                trailer.writeLong(counted.count);
                trailer.flush();
                ch.force(true);
            }
            if (Files.exists(file)) {
                AtomicFiles.move(file, previousOf(file));
            }
            AtomicFiles.move(tmp, file);
            AtomicFiles.forceFolder(file.getParent());
        } catch (IOException e) {
            try {
                Files.deleteIfExists(tmp); // a half-written file is never left behind (a full disk gets its space back)
            } catch (IOException ignored) {
                // the original failure is what the user needs to know
            }
            throw new UncheckedIOException("cannot write checkpoint " + file + ": " + RunFolderWriter.describe(e), e);
        }
    }

    /**
     * Restores {@code trainer} (built for the same workflow, algorithm, settings and seed, and not yet run) from the
     * checkpoint {@code file}.
     *
     * @throws CheckpointException when the file is missing, damaged (its checksum does not match, it is truncated) or
     *                             of another run; {@code trainer} may then be half restored and must be thrown away
     */
    public static void restore(Path file, SeedRun trainer) {
        if (!Files.isRegularFile(file)) {
            throw new CheckpointException(file + ": no checkpoint");
        }
        try {
            long payload = verifiedPayloadLength(file);
            try (CountingInputStream in = new CountingInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
                 StateReader r = new StateReader(in)) {
                trainer.restoreState(r);
                if (in.count != payload) {
                    throw new CheckpointException("checkpoint " + file.getFileName() + " holds " + (payload - in.count)
                            + " bytes more than a " + trainer.algorithm().cliName() + " state of this workflow");
                }
            }
        } catch (IOException e) {
            throw new CheckpointException(file + ": cannot read the checkpoint: " + e.getMessage());
        } catch (CheckpointException e) {
            throw new CheckpointException(file + ": " + e.getMessage()); // which file, for the one-line report
        }
    }

    /**
     * The length of the state in a checkpoint file, after checking its trailer's checksum (the whole file, for one
     * written before checkpoints had a trailer).
     */
    static long verifiedPayloadLength(Path file) throws IOException {
        long size = Files.size(file);
        byte[] trailer = new byte[TRAILER_BYTES];
        boolean hasTrailer = false;
        long length = size;
        if (size >= TRAILER_BYTES) {
            try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
                raf.seek(size - TRAILER_BYTES);
                raf.readFully(trailer);
            }
            hasTrailer = TRAILER_MAGIC.equals(new String(trailer, DIGEST_BYTES, 4, StandardCharsets.US_ASCII));
            if (hasTrailer) {
                length = java.nio.ByteBuffer.wrap(trailer, DIGEST_BYTES + 4, 8).getLong();
                if (length != size - TRAILER_BYTES) {
                    throw new CheckpointException("checkpoint " + file.getFileName() + " is damaged (its trailer says "
                            + length + " bytes of state, the file holds " + (size - TRAILER_BYTES) + ")");
                }
            }
        }
        if (hasTrailer) {
            MessageDigest sha = sha256();
            try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
                byte[] buf = new byte[1 << 16];
                long left = length;
                while (left > 0) {
                    int n = in.read(buf, 0, (int) Math.min(buf.length, left));
                    if (n < 0) {
                        throw new CheckpointException("checkpoint " + file.getFileName() + " ends early");
                    }
                    sha.update(buf, 0, n);
                    left -= n;
                }
            }
            if (!Arrays.equals(sha.digest(), Arrays.copyOf(trailer, DIGEST_BYTES))) {
                throw new CheckpointException("checkpoint " + file.getFileName() + " is damaged (its checksum does not match)");
            }
        }
        return length;
    }

    /** The state a checkpoint file holds (without its trailer), after checking its checksum. */
    public static byte[] payload(Path file) throws IOException {
        long length = verifiedPayloadLength(file);
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes((int) length);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** Counts the bytes written through it. */
    private static final class CountingOutputStream extends java.io.FilterOutputStream {
        long count;

        CountingOutputStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }

        @Override
        public void close() throws IOException {
            flush(); // the trailer still follows
        }
    }

    /** Counts the bytes read through it. */
    private static final class CountingInputStream extends FilterInputStream {
        long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long k = in.skip(n);
            count += k;
            return k;
        }
    }
}
