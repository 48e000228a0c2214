package io.toastcloud.compute.emulator.ops;

import io.toastcloud.compute.emulator.api.ApiFailure;
import io.toastcloud.compute.emulator.api.Envelopes;
import io.toastcloud.compute.emulator.api.Operation;
import io.toastcloud.compute.emulator.keys.SshKeys;
import io.toastcloud.compute.emulator.state.KeypairRecord;
import io.toastcloud.compute.model.CreatedKeypair;
import io.toastcloud.compute.model.KeypairCreateRequest;
import io.toastcloud.compute.model.KeypairCreateResponse;
import io.toastcloud.compute.model.KeypairCreateSpec;
import io.toastcloud.compute.model.KeypairListResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** listKeypairs, createKeypair (generate or upload), deleteKeypair. */
final class KeypairOperations {
    private final Emulation emulation;
    private final Views views;

    KeypairOperations(Emulation emulation, Views views) {
        this.emulation = emulation;
        this.views = views;
    }

    void register(Map<String, Operation> ops) {
        ops.put("listKeypairs", request -> emulation.tenant(request.appkey()).read(tx -> {
            String name = request.query("name");
            if (name != null) {
                KeypairRecord k = tx.state().keypairs.get(name);
                if (k == null) {
                    throw notFound(name);
                }
                return new KeypairListResponse().header(Envelopes.ok()).keypairs(List.of(views.keypair(k, true)));
            }
            var list = new ArrayList<io.toastcloud.compute.model.Keypair>();
            tx.state().keypairs.values().forEach(k -> list.add(views.keypair(k, false)));
            return new KeypairListResponse().header(Envelopes.ok()).keypairs(list);
        }));
        ops.put("createKeypair", request -> {
            KeypairCreateSpec spec = request.body(KeypairCreateRequest.class, emulation.mapper()).getKeypair();
            // Key generation takes milliseconds: do it before taking the appkey's lock.
            SshKeys.Generated generated = null;
            String publicKey = spec.getPublicKey();
            String fingerprint;
            if (publicKey == null) {
                // A taken name is refused before any key work (RSA 2048 costs 40-170 ms); checked
                // again under the lock below, where a concurrent create of the name may have won.
                emulation.tenant(request.appkey()).read(tx -> {
                    if (tx.state().keypairs.containsKey(spec.getName())) {
                        throw conflict(spec.getName());
                    }
                    return null;
                });
                generated = SshKeys.generate();
                publicKey = generated.publicKey();
                fingerprint = generated.fingerprint();
            } else {
                fingerprint = SshKeys.fingerprint(publicKey).orElseThrow(() -> ApiFailure.invalidParameters(
                        "keypair.publicKey is not an OpenSSH public key (type base64 [comment])"));
            }
            String key = publicKey;
            String print = fingerprint;
            emulation.tenant(request.appkey()).write(tx -> {
                if (tx.state().keypairs.containsKey(spec.getName())) {
                    throw conflict(spec.getName());
                }
                KeypairRecord k = new KeypairRecord();
                k.name = spec.getName();
                k.publicKey = key;
                k.fingerprint = print;
                k.createdAt = tx.now();
                tx.state().keypairs.put(k.name, k);
                return k;
            });
            CreatedKeypair created = new CreatedKeypair().name(spec.getName()).publicKey(key).fingerprint(print)
                    .privateKey(generated == null ? null : generated.privateKeyPem());
            return new KeypairCreateResponse().header(Envelopes.ok()).keypair(created);
        });
        ops.put("deleteKeypair", request -> emulation.tenant(request.appkey()).write(tx -> {
            String name = request.query("name");
            if (tx.state().keypairs.remove(name) == null) {
                throw notFound(name);
            }
            return Envelopes.okOnly();
        }));
    }

    private static ApiFailure conflict(String name) {
        return ApiFailure.example("KeypairConflict", "Key pair '" + name + "' already exists.");
    }

    private static ApiFailure notFound(String name) {
        return ApiFailure.example("KeypairNotFound", "Keypair " + name + " not found.");
    }
}
