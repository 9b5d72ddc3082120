package io.hearken.e2e;

import io.hearken.chaos.LauncherControl;
import io.hearken.chaos.ProcessControl;
import io.hearken.testing.TestInfrastructure;

/** Kills the e2e platform's own service processes directly, and the run's servers through the launcher. */
final class PlatformControl implements ProcessControl {

    private final Platform platform;
    private final LauncherControl launcher = new LauncherControl(
            TestInfrastructure.repositoryRoot().resolve("hearken"), TestInfrastructure.launcherEnvironment());

    PlatformControl(Platform platform) {
        this.platform = platform;
    }

    @Override
    public void kill(String component) throws Exception {
        if (platform.runs(component)) {
            platform.kill(component);
        } else {
            launcher.kill(component);
        }
    }

    @Override
    public void start(String component) throws Exception {
        if (platform.runs(component)) {
            platform.start(component);
        } else {
            launcher.start(component);
        }
    }
}
