package mcsweep.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import mcsweep.kernel.io.AtomicFile;

/**
 * What the coordinator submitted for an output folder ({@code <out>/slurm/array.tsv}): the number of
 * elements, the elements' sweep arguments (the definition {@code --resume} must match) and every
 * submission (array job id and the indices it covered). Rewritten whole after each submission, so a
 * coordinator killed at any moment leaves either the old record or the new one.
 *
 * @param elements    array elements (shards)
 * @param definition  the elements' sweep arguments, one bash-quoted line
 * @param submissions in submission order
 */
record SlurmArrayState(int elements, String definition, List<Submission> submissions) {

    static final String FILE = "array.tsv";

    /** One {@code sbatch}: the array's job id and the indices it ran ({@code 0-7}, {@code 2,5}). */
    record Submission(String jobId, String indices) {
    }

    SlurmArrayState {
        submissions = List.copyOf(submissions);
    }

    SlurmArrayState with(Submission s) {
        List<Submission> all = new ArrayList<>(submissions);
        all.add(s);
        return new SlurmArrayState(elements, definition, all);
    }

    List<String> jobIds() {
        return submissions.stream().map(Submission::jobId).toList();
    }

    /** The job id of the latest submission that ran {@code index}, if any did. */
    Optional<String> lastJobOf(int index) {
        for (int i = submissions.size() - 1; i >= 0; i--) {
            if (SlurmIndices.parse(submissions.get(i).indices()).contains(index)) {
                return Optional.of(submissions.get(i).jobId());
            }
        }
        return Optional.empty();
    }

    static Optional<SlurmArrayState> read(Path out) {
        Path file = SlurmScript.stateDir(out).resolve(FILE);
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int elements = -1;
        String definition = null;
        List<Submission> subs = new ArrayList<>();
        for (String line : lines) {
            String[] f = line.split("\t", -1);
            switch (f[0]) {
                case "elements" -> elements = Integer.parseInt(f[1]);
                case "definition" -> definition = f[1];
                case "job" -> subs.add(new Submission(f[1], f[2]));
                default -> {
                    // comments, and fields of later versions
                }
            }
        }
        if (elements < 1 || definition == null) {
            throw new UserError("--resume: " + file + " is damaged (no elements or definition line); move the"
                    + " folder away and start again");
        }
        return Optional.of(new SlurmArrayState(elements, definition, subs));
    }

    void write(Path out) throws IOException, InterruptedException {
        StringBuilder s = new StringBuilder("# mcsweep: the Slurm job array of this folder (read by --resume)\n");
        s.append("elements\t").append(elements).append('\n');
        s.append("definition\t").append(definition).append('\n');
        for (Submission sub : submissions) {
            s.append("job\t").append(sub.jobId()).append('\t').append(sub.indices()).append('\n');
        }
        byte[] bytes = s.toString().getBytes(StandardCharsets.UTF_8);
        AtomicFile.write(SlurmScript.stateDir(out).resolve(FILE), true, o -> o.write(bytes));
    }
}
