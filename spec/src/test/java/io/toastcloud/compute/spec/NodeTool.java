package io.toastcloud.compute.spec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs one of the pinned Node CLIs from node_modules/.bin (installed by the build's `npm ci`). */
final class NodeTool {
  record Run(int exitCode, String output) {}

  private NodeTool() {}

  static Run run(String tool, List<String> args) {
    Path exe = Contract.nodeBin().resolve(tool);
    if (!Files.isExecutable(exe)) {
      throw new IllegalStateException(exe + " not found: run the Maven build (it runs `npm ci`) first");
    }
    List<String> command = new ArrayList<>();
    command.add(exe.toString());
    command.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(command).directory(Contract.repoRoot().toFile()).redirectErrorStream(true);
    pb.environment().put("REDOCLY_TELEMETRY", "off");
    pb.environment().put("REDOCLY_SUPPRESS_UPDATE_NOTICE", "true");
    pb.environment().put("NO_COLOR", "1");
    try {
      Process p = pb.start();
      p.getOutputStream().close();
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(120, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException(String.join(" ", command) + " did not finish in 120 s");
      }
      return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + command, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
