package io.toastcloud.compute.benchmarks.coldstart;

import io.toastcloud.compute.benchmarks.contenders.UrlConnectionBaseline;

/** Cold start, baseline on HttpURLConnection: issue a token, list flavors, print how many, exit. */
public final class BaselineUrlConnectionMain {
    private BaselineUrlConnectionMain() {
    }

    public static void main(String[] args) {
        Phases.entered();
        UrlConnectionBaseline baseline = new UrlConnectionBaseline(args[0], false);
        int flavors = baseline.listFlavors().getFlavors().size();
        Phases.called();
        System.out.println("flavors=" + flavors);
    }
}
