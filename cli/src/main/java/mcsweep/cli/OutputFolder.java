package mcsweep.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Checks, without writing anything, that an output folder can be used; creates it when all is well. */
final class OutputFolder {

    private OutputFolder() {
    }

    /** @throws UserError if {@code dir} is not, and cannot become, a writable folder */
    static void check(String option, Path dir) {
        Path abs = dir.toAbsolutePath().normalize();
        if (Files.exists(abs)) {
            if (!Files.isDirectory(abs)) {
                throw new UserError(option + ": " + dir + " exists and is not a folder");
            }
            if (!Files.isWritable(abs)) {
                throw new UserError(option + ": folder " + dir + " is not writable");
            }
            return;
        }
        Path existing = abs.getParent();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null || !Files.isDirectory(existing)) {
            throw new UserError(option + ": cannot create folder " + dir + ": " + existing + " is not a folder");
        }
        if (!Files.isWritable(existing)) {
            throw new UserError(option + ": cannot create folder " + dir + ": " + existing + " is not writable");
        }
    }

    static void create(String option, Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UserError(option + ": cannot create folder " + dir + ": " + e.getMessage());
        }
    }
}
