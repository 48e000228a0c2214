package io.toastcloud.compute.client.http;

import feign.Client;
import feign.Request;
import feign.Response;
import io.toastcloud.compute.client.contract.Contract;
import io.toastcloud.compute.client.contract.OperationInfo;
import io.toastcloud.compute.client.contract.ParameterInfo;
import java.io.IOException;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Sends the few operations that carry a secret in their query string (the contract's
 * {@code x-secret} query parameters: {@code getToken}'s token id) through the JDK's
 * {@code java.net.http} client, whose only logger that prints URIs this client holds quiet
 * ({@link QuietJdkLoggers}), instead of the chosen transport. Apache HttpClient 5 logs every request line, query included, at DEBUG
 * ({@code MainClientExec}), and that cannot be switched off from code.
 */
final class SecretQueryRouting implements Client {
    private final Client transport;
    private final Client quiet;
    private final Set<String> secretQueryOperations;

    SecretQueryRouting(Client transport, Client quiet, Contract contract) {
        this.transport = transport;
        this.quiet = quiet;
        this.secretQueryOperations = contract.operations().values().stream()
                .filter(op -> op.parameters().stream().anyMatch(SecretQueryRouting::isSecretQuery))
                .map(OperationInfo::operationId)
                .collect(Collectors.toUnmodifiableSet());
    }

    private static boolean isSecretQuery(ParameterInfo p) {
        return p.secret() && "query".equals(p.in());
    }

    @Override
    public Response execute(Request request, Request.Options options) throws IOException {
        String operation = Operations.of(request);
        return secretQueryOperations.contains(operation) ? quiet.execute(request, options) : transport.execute(request, options);
    }
}
