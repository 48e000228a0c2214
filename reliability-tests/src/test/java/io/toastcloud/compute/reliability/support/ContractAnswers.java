package io.toastcloud.compute.reliability.support;

import io.toastcloud.compute.testsupport.ContractModel;

import io.toastcloud.compute.reliability.support.Secrets;

import io.toastcloud.compute.testsupport.WireMockService;

import static com.github.tomakehurst.wiremock.client.WireMock.request;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.toastcloud.compute.contract.Contract;
import io.toastcloud.compute.testsupport.ContractModel.Operation;

/**
 * Answers taken from the contract's own examples, with the planted secrets put wherever the
 * contract marks a property {@code x-secret}: so that the stub hands the client a known
 * password, token id and private key through every operation that carries one.
 */
public final class ContractAnswers {
    private ContractAnswers() {
    }

    /** The example with every secret property the contract names replaced by its planted value. */
    public static String withPlantedSecrets(JsonNode example) {
        return planted(example).toString();
    }

    /** A copy of a request or answer body with every secret property replaced by its planted value. */
    public static JsonNode planted(JsonNode example) {
        JsonNode copy = example.deepCopy();
        for (String path : Contract.bundled().secretPropertyPaths()) {
            plant(copy, path.replace("[]", "").split("\\."), 0);
        }
        return copy;
    }

    private static void plant(JsonNode node, String[] path, int at) {
        if (node.isArray()) {
            node.forEach(item -> plant(item, path, at));
            return;
        }
        if (!(node instanceof ObjectNode object) || !object.has(path[at])) {
            return;
        }
        if (at == path.length - 1) {
            object.put(path[at], plantedValue(path[at]));
        } else {
            plant(object.get(path[at]), path, at + 1);
        }
    }

    /** The planted value for a secret property; a new kind of secret needs a value here. */
    static String plantedValue(String property) {
        return switch (property) {
            case "password" -> Secrets.PASSWORD;
            case "id" -> Secrets.TOKEN_ID;
            case "privateKey" -> Secrets.PRIVATE_KEY;
            default -> throw new IllegalStateException("the contract marks a new secret property '" + property
                    + "': plant a known value for it in ContractAnswers so the secrets suite hunts for it");
        };
    }

    /** Registers the operation's answer on WireMock (method and path template). */
    public static void answer(WireMockServer server, Operation op, String body) {
        server.stubFor(request(op.method(), urlPathMatching(op.pathRegex())).willReturn(WireMockService.json(body)));
    }
}
