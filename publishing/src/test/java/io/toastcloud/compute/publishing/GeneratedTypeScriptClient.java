package io.toastcloud.compute.publishing;

import io.toastcloud.compute.publishing.OpenApiGenerator.Generation;

/**
 * The typescript-fetch client generated once per test JVM from the bundle, shared by the tests
 * that type-check it and the one that runs it (a generation takes several seconds).
 */
final class GeneratedTypeScriptClient {

    private static Generation generation;

    private GeneratedTypeScriptClient() {
    }

    static synchronized Generation get() throws Exception {
        if (generation == null) {
            generation = OpenApiGenerator.generate("typescript-fetch", Build.bundleYaml(),
                    Build.target("clients", "typescript-fetch"));
        }
        return generation;
    }
}
