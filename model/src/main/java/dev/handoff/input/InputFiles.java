package dev.handoff.input;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reading the files a user points Handoff Workbench at, as untrusted input: a folder where a file belongs, a missing or
 * unreadable file, one larger than {@link InputLimits#FILE_BYTES} (judged from its size before a byte is read) or text
 * that is not UTF-8 are each refused with one plain {@link InputException}.
 */
public final class InputFiles {
    private InputFiles() {
    }

    /**
     * The bytes of a file, refused with a plain message when it is missing, a directory, unreadable or larger than
     * {@link InputLimits#FILE_BYTES} (checked from its size, before reading).
     */
    public static byte[] readBytes(Path file, String source) throws InputException {
        if (Files.isDirectory(file)) {
            throw InputException.of(source, "is a folder, not a file");
        }
        if (!Files.isRegularFile(file)) {
            throw InputException.of(source, Files.exists(file) ? "is not a regular file (a device or a pipe?)" : "file not found");
        }
        try {
            long size = Files.size(file);
            if (!InputLimits.FILE_BYTES.allows(size)) {
                throw InputException.of(source, "the file is too large: " + InputLimits.FILE_BYTES.exceeded(size));
            }
            byte[] bytes;
            try (InputStream in = Files.newInputStream(file)) {
                bytes = in.readNBytes((int) InputLimits.FILE_BYTES.value() + 1); // never more, even if it grows meanwhile
            }
            if (!InputLimits.FILE_BYTES.allows(bytes.length)) {
                throw InputException.of(source, "the file is too large: more than " + InputLimits.FILE_BYTES + " bytes");
            }
            return bytes;
        } catch (InputException e) {
            throw e;
        } catch (NoSuchFileException e) {
            throw InputException.of(source, "file not found");
        } catch (AccessDeniedException e) {
            throw InputException.of(source, "permission denied");
        } catch (IOException e) {
            throw InputException.of(source, "cannot read the file: " + e.getMessage());
        }
    }

    /** A file as UTF-8 text (a leading byte-order mark dropped), refused as {@link #readBytes} does or when not UTF-8. */
    public static String readText(Path file, String source) throws InputException {
        return decode(readBytes(file, source), source);
    }

    /** UTF-8 bytes as text, a byte-order mark dropped; refused when they are not UTF-8. */
    public static String decode(byte[] bytes, String source) throws InputException {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw InputException.of(source, "the file is not UTF-8 text");
        }
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}
