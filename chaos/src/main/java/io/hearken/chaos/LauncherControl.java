package io.hearken.chaos;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Kills and restarts components through the launcher ({@code ./hearken kill X}, {@code ./hearken start X}). */
public final class LauncherControl implements ProcessControl {

    private final Path launcher;
    private final Map<String, String> environment;

    public LauncherControl(Path launcher, Map<String, String> environment) {
        this.launcher = launcher;
        this.environment = environment;
    }

    @Override
    public void kill(String component) throws IOException, InterruptedException {
        run("kill", component);
    }

    @Override
    public void start(String component) throws IOException, InterruptedException {
        run("start", component);
    }

    private void run(String command, String component) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(launcher.toString(), command, component)
                .directory(launcher.toAbsolutePath().getParent().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.INHERIT);
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IOException("./hearken " + command + " " + component + " failed");
        }
    }
}
