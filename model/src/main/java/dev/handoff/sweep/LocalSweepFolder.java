package dev.handoff.sweep;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** A sweep folder on a local (or mounted shared) file system; each write is a temporary file renamed into place. */
public final class LocalSweepFolder implements SweepFolder {
    private final Path root;

    public LocalSweepFolder(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    @Override
    public String location() {
        return root.toString();
    }

    @Override
    public String locate(String name) {
        return root.resolve(name).toString();
    }

    @Override
    public Optional<byte[]> read(String name) throws IOException {
        try {
            return Optional.of(Files.readAllBytes(root.resolve(name)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    @Override
    public void write(String name, byte[] content) throws IOException {
        Path target = root.resolve(name);
        Files.createDirectories(target.getParent());
        Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
        try {
            Files.write(tmp, content);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    @Override
    public List<String> list(String dir) throws IOException {
        Path d = root.resolve(dir);
        if (!Files.isDirectory(d)) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        try (Stream<Path> files = Files.list(d)) {
            files.filter(Files::isRegularFile).forEach(p -> names.add(p.getFileName().toString()));
        }
        return names;
    }

    @Override
    public boolean exists(String name) {
        return Files.exists(root.resolve(name));
    }

    /** The place itself, emptied of a partial folder (one without its last file) a killed sweep left there. */
    @Override
    public Path stage(String name) throws IOException {
        Path target = root.resolve(name);
        SweepRuns.deleteTree(target);
        Files.createDirectories(target);
        return target;
    }

    /** Nothing to move: the folder was built in place. */
    @Override
    public void publish(Path staged, String name) {
        if (!staged.equals(root.resolve(name))) {
            throw new IllegalArgumentException(staged + " was not staged for " + name);
        }
    }
}
