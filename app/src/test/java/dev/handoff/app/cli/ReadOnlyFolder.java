package dev.handoff.app.cli;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Makes a folder that really refuses new files, for tests of unwritable output: read-only permissions, and where the
 * tests run as root (which permissions do not stop) the immutable attribute ({@code chattr +i}). When neither bites on
 * this machine the test is skipped, saying why.
 */
final class ReadOnlyFolder {
    private ReadOnlyFolder() {
    }

    static void make(Path dir) throws IOException, InterruptedException {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-xr-xr-x"));
        if (refusesFiles(dir)) {
            return;
        }
        run("chattr", "+i", dir.toString());
        if (!refusesFiles(dir)) {
            undo(dir);
            Assumptions.abort("cannot make a read-only folder here: running as root, and chattr +i does not work on "
                    + dir.getParent() + "'s file system");
        }
    }

    static void undo(Path dir) throws IOException, InterruptedException {
        run("chattr", "-i", dir.toString());
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static boolean refusesFiles(Path dir) {
        try {
            Files.delete(Files.createFile(dir.resolve("probe")));
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    /** Runs a command, ignoring whether it worked (callers check the effect). */
    static int run(String... command) throws InterruptedException {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return p.waitFor();
        } catch (IOException e) {
            return -1; // the command is not installed
        }
    }
}
