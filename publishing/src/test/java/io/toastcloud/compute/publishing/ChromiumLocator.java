package io.toastcloud.compute.publishing;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the Chromium the reference-page test drives, so that `mvn -B verify` passes on a fresh
 * machine without a step of its own: the binary named by -Dtoast.chromium, else the usual names
 * on PATH and the usual install places (Debian, macOS); else, as root on a machine with apt-get,
 * it installs Debian's package itself; else it fails with the exact command to run.
 */
final class ChromiumLocator {

    /** The line .ci/run and the README give; run here as root when Chromium is missing. */
    static final String INSTALL = "apt-get update && apt-get install -y --no-install-recommends chromium";

    private static final List<String> NAMES = List.of("chromium", "chromium-browser", "google-chrome-stable",
            "google-chrome");
    private static final List<Path> PLACES = List.of(Path.of("/usr/bin/chromium"), Path.of("/snap/bin/chromium"),
            Path.of("/Applications/Chromium.app/Contents/MacOS/Chromium"),
            Path.of("/Applications/Google Chrome.app/Contents/MacOS/Google Chrome"));

    private ChromiumLocator() {
    }

    /**
     * @param configured the -Dtoast.chromium value, or empty for "find it"
     */
    static Path locate(Optional<Path> configured) throws IOException, InterruptedException {
        if (configured.isPresent()) {
            if (!Files.isExecutable(configured.get())) {
                throw new IllegalStateException("-Dtoast.chromium=" + configured.get()
                        + " is not an executable file; leave it out to let the build find or install Chromium.");
            }
            return configured.get();
        }
        Optional<Path> found = find();
        if (found.isPresent()) {
            return found.get();
        }
        if (canInstall()) {
            Path log = Build.target("chromium", "apt-get-install.log");
            System.out.println("[chromium] not found; installing Debian's package as root: " + INSTALL + " (log: " + log + ")");
            Command.Result install = Command.of("sh", "-c", INSTALL)
                    .env(java.util.Map.of("DEBIAN_FRONTEND", "noninteractive"))
                    .timeout(Duration.ofMinutes(10))
                    .run(log);
            found = find();
            if (install.exitCode() == 0 && found.isPresent()) {
                return found.get();
            }
            throw new IllegalStateException("Chromium is needed for the reference-page test; installing it failed"
                    + " (exit code " + install.exitCode() + ", log " + log + "). Run as root: " + INSTALL);
        }
        throw new IllegalStateException("Chromium is needed for the reference-page test and was not found (looked for "
                + NAMES + " on PATH and " + PLACES + "). Install it (Debian, as root): " + INSTALL
                + " -- or pass -Dtoast.chromium=<path to a Chromium or Chrome binary>.");
    }

    static Optional<Path> find() {
        List<Path> candidates = new ArrayList<>();
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isBlank()) {
                NAMES.forEach(name -> candidates.add(Path.of(dir, name)));
            }
        }
        candidates.addAll(PLACES);
        return candidates.stream().filter(Files::isRegularFile).filter(Files::isExecutable).findFirst();
    }

    /** Root on a machine with apt-get (Debian, Ubuntu): the only place the build installs anything. */
    private static boolean canInstall() {
        boolean root = "root".equals(System.getProperty("user.name"));
        boolean apt = Files.isExecutable(Path.of("/usr/bin/apt-get"));
        return root && apt;
    }
}
