package mcsweep.cli;

import java.nio.file.Path;
import java.util.List;

import mcsweep.kernel.Kernels;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code --kernel-path JAR}, accepted by every command: loads the kernels of a plugin jar (or a folder of
 * classes) with their own class loader, so it works under {@code java -jar mcsweep.jar} too, and gives the
 * worker JVMs of the {@code process} and {@code pool} executors the same entries on their class path.
 */
final class KernelPathOption {

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--kernel-path", paramLabel = "JAR", scope = ScopeType.INHERIT,
            description = "a jar (or class folder) with more kernels; repeat for more than one")
    void kernelPath(List<Path> jars) {
        try {
            Kernels.setPath(jars);
        } catch (RuntimeException e) {
            throw new ParameterException(spec.commandLine(), "--kernel-path: " + e.getMessage());
        }
    }
}
