package dev.handoff.sweep.spark;

import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.util.Progressable;

import java.io.IOException;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A shared file system that goes wrong the way real ones do: {@code flaky:///path} is the local {@code /path}, but
 * the first attempt to write each cell file fails (as a lost connection to a file server would), and writes of a
 * cell whose name contains {@link #alwaysFailing} always fail. Registered for Spark with
 * {@code spark.hadoop.fs.flaky.impl}. Local Spark runs executors in this JVM, so the counts are visible to the test.
 */
public final class FlakyFileSystem extends RawLocalFileSystem {
    static final Set<String> FAILED_ONCE = ConcurrentHashMap.newKeySet();
    static volatile String alwaysFailing = "";

    @Override
    public URI getUri() {
        return URI.create("flaky:///");
    }

    @Override
    public String getScheme() {
        return "flaky";
    }

    @Override
    public FSDataOutputStream create(Path f, FsPermission permission, boolean overwrite, int bufferSize,
                                     short replication, long blockSize, Progressable progress) throws IOException {
        failSometimes(f);
        return super.create(f, permission, overwrite, bufferSize, replication, blockSize, progress);
    }

    @Override
    public FSDataOutputStream create(Path f, boolean overwrite, int bufferSize, short replication, long blockSize,
                                     Progressable progress) throws IOException {
        failSometimes(f);
        return super.create(f, overwrite, bufferSize, replication, blockSize, progress);
    }

    private static void failSometimes(Path f) throws IOException {
        String name = f.getName();
        if (name.startsWith(".v") && name.endsWith(".tmp") && name.contains(".json.")) {
            String cell = name.substring(1, name.indexOf(".json.") + 5);
            if (!alwaysFailing.isEmpty() && cell.contains(alwaysFailing)) {
                throw new IOException("flaky: the file server is gone for " + cell);
            }
            if (FAILED_ONCE.add(cell)) {
                throw new IOException("flaky: connection reset while writing " + cell);
            }
        }
    }
}
