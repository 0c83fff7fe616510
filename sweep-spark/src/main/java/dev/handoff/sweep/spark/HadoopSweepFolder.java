package dev.handoff.sweep.spark;

import dev.handoff.sweep.SweepFolder;
import dev.handoff.sweep.SweepRuns;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.UnsupportedFileSystemException;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A sweep folder through Hadoop's {@link FileSystem} API, so {@code --out} may be a local or shared path, an
 * {@code hdfs://} or an {@code s3a://} URI (where the cluster has that connector): the driver and every executor
 * open the same folder from its {@link Ref}. A file is written under a temporary name and renamed into place, so a
 * reader sees a whole file or none (on S3 a single PUT is already all-or-nothing). A cell's run folder
 * ({@code --keep-runs}) is built in a local temporary folder on the executor and copied here ({@link #publish}).
 */
public final class HadoopSweepFolder implements SweepFolder {
    /** The infix of a run folder being copied in before it is renamed into place. */
    static final String PARTIAL = ".partial-";
    private final String location;
    private final Path root;
    private final FileSystem fs;

    /**
     * What an executor needs to open the folder: its location as the user wrote it, and the Hadoop settings given
     * to Spark as {@code spark.hadoop.*} (prefix removed).
     */
    public record Ref(String location, LinkedHashMap<String, String> hadoopSettings) implements Serializable {
        /** The folder; opened once per JVM (a Hadoop {@code Configuration} costs tens of ms to build). */
        public HadoopSweepFolder open() throws IOException {
            HadoopSweepFolder open = OPEN.get(this);
            if (open == null) {
                open = new HadoopSweepFolder(location, hadoopSettings);
                HadoopSweepFolder raced = OPEN.putIfAbsent(this, open);
                open = raced != null ? raced : open;
            }
            return open;
        }
    }

    private static final Map<Ref, HadoopSweepFolder> OPEN = new java.util.concurrent.ConcurrentHashMap<>();

    HadoopSweepFolder(String location, Map<String, String> hadoopSettings) throws IOException {
        this.location = trimTrailingSlash(location);
        Configuration conf = new Configuration();
        hadoopSettings.forEach(conf::set);
        this.root = new Path(this.location);
        try {
            this.fs = root.getFileSystem(conf);
        } catch (UnsupportedFileSystemException | RuntimeException e) {
            // an unknown scheme, or a known one whose connector is missing (s3a: ClassNotFoundException of S3AFileSystem)
            throw new IllegalArgumentException("no Hadoop file system for " + root.toUri().getScheme() + ":// on the "
                    + "class path (" + e.getMessage() + "); for s3a:// put hadoop-aws and its AWS SDK bundle in the "
                    + "cluster's jars: " + location, e);
        }
        if (fs instanceof LocalFileSystem local) {
            local.setWriteChecksum(false); // no .crc files beside each cell: the folder looks as the local engine's
            local.setVerifyChecksum(false);
        }
    }

    /** Opens {@code location} with the {@code spark.hadoop.*} entries of {@code sparkSettings}. */
    public static Ref ref(String location, Map<String, String> sparkSettings) {
        LinkedHashMap<String, String> hadoop = new LinkedHashMap<>();
        sparkSettings.forEach((k, v) -> {
            if (k.startsWith("spark.hadoop.")) {
                hadoop.put(k.substring("spark.hadoop.".length()), v);
            }
        });
        return new Ref(trimTrailingSlash(location), hadoop);
    }

    private static String trimTrailingSlash(String s) {
        String t = s;
        while (t.length() > 1 && t.endsWith("/") && !t.endsWith("://")) {
            t = t.substring(0, t.length() - 1);
        }
        return t;
    }

    /** The folder as Hadoop sees it (scheme, authority, absolute path). */
    public String qualified() {
        return fs.makeQualified(root).toString();
    }

    @Override
    public String location() {
        return location;
    }

    @Override
    public String locate(String name) {
        return location + "/" + name;
    }

    @Override
    public Optional<byte[]> read(String name) throws IOException {
        try (InputStream in = fs.open(new Path(root, name))) {
            return Optional.of(in.readAllBytes());
        } catch (FileNotFoundException e) {
            return Optional.empty();
        }
    }

    @Override
    public void write(String name, byte[] content) throws IOException {
        Path target = new Path(root, name);
        Path dir = target.getParent();
        fs.mkdirs(dir);
        Path tmp = new Path(dir, "." + target.getName() + "." + UUID.randomUUID() + ".tmp");
        try {
            try (FSDataOutputStream out = fs.create(tmp, true)) {
                out.write(content);
            }
            if (!fs.rename(tmp, target)) {
                // HDFS and others refuse to rename onto an existing file: replace it
                fs.delete(target, false);
                if (!fs.rename(tmp, target)) {
                    throw new IOException("cannot move " + tmp + " to " + target);
                }
            }
        } finally {
            if (fs.exists(tmp)) {
                fs.delete(tmp, false);
            }
        }
    }

    @Override
    public List<String> list(String dir) throws IOException {
        List<String> names = new ArrayList<>();
        try {
            for (FileStatus s : fs.listStatus(new Path(root, dir))) {
                if (s.isFile()) {
                    names.add(s.getPath().getName());
                }
            }
        } catch (FileNotFoundException e) {
            return List.of();
        }
        return names;
    }

    @Override
    public boolean exists(String name) throws IOException {
        return fs.exists(new Path(root, name));
    }

    /** A local temporary folder on this machine (the executor's): {@link #publish} copies it to the file system. */
    @Override
    public java.nio.file.Path stage(String name) throws IOException {
        return Files.createTempDirectory("handoff-cell-");
    }

    /**
     * Copies the staged folder through the file system to a hidden {@code .NAME.partial-*} folder beside its place,
     * then renames it into place, and deletes the local copy. A whole folder already there (another attempt of the
     * same cell) is kept. Two attempts racing on a file system that moves a folder into an existing one (HDFS) leave
     * the second inside the first; that copy is deleted, so the place holds one whole folder either way.
     */
    @Override
    public void publish(java.nio.file.Path staged, String name) throws IOException {
        Path target = new Path(root, name);
        Path partial = new Path(target.getParent(), "." + target.getName() + PARTIAL + UUID.randomUUID());
        try {
            if (fs.exists(new Path(target, SweepRuns.LAST_FILE))) {
                return;
            }
            fs.copyFromLocalFile(false, true, new Path(staged.toUri()), partial);
            if (fs.exists(new Path(target, SweepRuns.LAST_FILE))) {
                return;
            }
            fs.delete(target, true); // a partial copy (on S3, a copy is not one rename)
            if (!fs.rename(partial, target)) {
                throw new IOException("cannot move " + partial + " to " + target);
            }
            Path nested = new Path(target, partial.getName());
            if (fs.exists(nested)) {
                fs.delete(nested, true);
            }
        } finally {
            if (fs.exists(partial)) {
                fs.delete(partial, true);
            }
            SweepRuns.deleteTree(staged);
        }
    }
}
