package io.toastcloud.compute.benchmarks.coldstart;

import io.toastcloud.compute.benchmarks.contenders.Contender;
import io.toastcloud.compute.benchmarks.contenders.ContenderKind;

/**
 * Cold start of one layer of the client ({@code LAYER_HC5}: HttpClient 5 by hand;
 * {@code LAYER_FEIGN_HC5}: the generated Feign interfaces on it, without the client's runtime):
 * issue a token, list flavors, print how many, exit. Between the baseline, these and the client
 * is what each layer adds to a start.
 */
public final class LayerMain {
    private LayerMain() {
    }

    public static void main(String[] args) {
        Phases.entered();
        int flavors;
        try (Contender layer = ContenderKind.valueOf(args[1]).open(args[0], null)) {
            Phases.built();
            flavors = layer.listFlavors().getFlavors().size();
            Phases.called();
        }
        System.out.println("flavors=" + flavors);
    }
}
