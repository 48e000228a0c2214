package io.toastcloud.compute.client.resource;

import io.toastcloud.compute.annotation.InternalApi;
import io.toastcloud.compute.api.KeypairApi;
import io.toastcloud.compute.client.error.MalformedResponseException;
import io.toastcloud.compute.model.CreatedKeypair;
import io.toastcloud.compute.model.Keypair;
import io.toastcloud.compute.model.KeypairCreateRequest;
import io.toastcloud.compute.model.KeypairCreateSpec;
import java.util.List;
import java.util.Optional;

/**
 * Key pairs ({@code toast.keypairs()}), over {@link KeypairApi}. A key pair is named, not
 * numbered: its name is its id, and the API looks one up by name.
 */
public final class Keypairs {
    private final KeypairApi api;

    @InternalApi
    public Keypairs(KeypairApi api) {
        this.api = api;
    }

    /**
     * Creates a key pair; the service makes the keys and returns the private key, once (it is
     * redacted from the model's {@code toString()}: store it yourself).
     */
    public CreatedKeypair create(String name) {
        return create(new KeypairCreateSpec().name(name));
    }

    /** Registers an existing public key under {@code name}. */
    public CreatedKeypair importPublicKey(String name, String publicKey) {
        return create(new KeypairCreateSpec().name(name).publicKey(publicKey));
    }

    public CreatedKeypair create(KeypairCreateSpec spec) {
        CreatedKeypair created = api.createKeypair(new KeypairCreateRequest().keypair(spec)).getKeypair();
        if (created == null) {
            throw new MalformedResponseException("createKeypair", "the key pair was created but the answer names none", null);
        }
        return created;
    }

    /**
     * The key pair named {@code name}, or empty. The API answers a missing name with a
     * not-found result code; that is what becomes empty here (other failures are thrown).
     */
    public Optional<Keypair> findByName(String name) {
        return Lookups.one(() -> api.listKeypairs(name).getKeypairs(), Keypair::getName, name);
    }

    public List<Keypair> list() {
        return Lookups.orEmpty(api.listKeypairs().getKeypairs());
    }

    public void delete(String name) {
        api.deleteKeypair(name);
    }
}
