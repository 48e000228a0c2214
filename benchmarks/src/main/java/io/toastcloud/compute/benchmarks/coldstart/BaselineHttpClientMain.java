package io.toastcloud.compute.benchmarks.coldstart;

import io.toastcloud.compute.benchmarks.contenders.HttpClientBaseline;

/** Cold start, baseline on java.net.http: issue a token, list flavors, print how many, exit. */
public final class BaselineHttpClientMain {
    private BaselineHttpClientMain() {
    }

    public static void main(String[] args) {
        Phases.entered();
        HttpClientBaseline baseline = new HttpClientBaseline(args[0]);
        int flavors = baseline.listFlavors().getFlavors().size();
        Phases.called();
        System.out.println("flavors=" + flavors);
    }
}
