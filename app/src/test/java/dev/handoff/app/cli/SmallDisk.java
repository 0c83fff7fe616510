package dev.handoff.app.cli;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Path;

/**
 * A file system that fills up: a tmpfs of a few kilobytes mounted on a test folder. Needs root and permission to mount
 * (a container may refuse); the test is skipped, saying so, where it cannot be had.
 */
final class SmallDisk {
    private SmallDisk() {
    }

    static void mount(Path dir, String size) throws InterruptedException {
        int code = ReadOnlyFolder.run("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", dir.toString());
        Assumptions.assumeTrue(code == 0, "cannot mount a small tmpfs on " + dir
                + " here (needs root and mount permission): the full-disk case is not exercised on this machine");
    }

    static void unmount(Path dir) throws InterruptedException {
        ReadOnlyFolder.run("umount", dir.toString());
    }
}
