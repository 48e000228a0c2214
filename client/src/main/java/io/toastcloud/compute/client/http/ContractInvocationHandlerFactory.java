package io.toastcloud.compute.client.http;

import io.toastcloud.compute.client.RetryPolicy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import feign.InvocationHandlerFactory;
import feign.Param;
import feign.QueryMap;
import feign.Target;
import io.toastcloud.compute.client.auth.TokenManager;
import io.toastcloud.compute.contract.Contract;
import io.toastcloud.compute.contract.OperationInfo;
import io.toastcloud.compute.contract.RequestValidator;
import io.toastcloud.compute.client.error.ToastServiceException;
import io.toastcloud.compute.client.error.RequestValidationException;
import io.toastcloud.compute.client.error.ToastComputeException;
import io.toastcloud.compute.client.error.ToastServiceException;
import io.toastcloud.compute.client.metrics.ClientMetrics;
import io.toastcloud.compute.contract.Violation;
import io.toastcloud.compute.client.waiter.Sleeper;
import java.lang.annotation.Annotation;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Wraps every generated API method with what the contract asks of a call:
 * <ol>
 *   <li>validates parameters and body against the contract and refuses a bad request before
 *       anything is sent ({@link RequestValidationException}); the parameter the client binds
 *       (the appkey: in no method's signature, in the targets' base URL) is checked with them;
 *       without a validator, the caller has validated its requests itself;</li>
 *   <li>translates whatever Feign or Jackson throws into this client's typed exceptions, with
 *       the operation named and secrets cut out ({@link ExceptionTranslator});</li>
 *   <li>when the service says the token is no longer valid, drops it and sends the call once more
 *       with a new one;</li>
 *   <li>retries reads on transient faults as the {@link RetryPolicy} says; never writes;</li>
 *   <li>reports each call, its outcome and its retries to the {@link ClientMetrics}.</li>
 * </ol>
 */
public final class ContractInvocationHandlerFactory implements InvocationHandlerFactory {
    private final InvocationHandlerFactory delegate = new InvocationHandlerFactory.Default();
    private final Contract contract;
    private final RequestValidator validator;
    private final ObjectMapper mapper;
    private final TokenManager tokens;
    private final AuthTokenInterceptor authInterceptor;
    private final ExceptionTranslator translator;
    private final RetryPolicy retryPolicy;
    private final Sleeper sleeper;
    private final Map<String, Object> boundParameters;
    private final ClientMetrics metrics;

    public ContractInvocationHandlerFactory(Contract contract, RequestValidator validator, ObjectMapper mapper,
            TokenManager tokens, AuthTokenInterceptor auth, ExceptionTranslator translator, RetryPolicy retryPolicy,
            Sleeper sleeper, String appkey) {
        this(contract, validator, mapper, tokens, auth, translator, retryPolicy, sleeper, appkey, ClientMetrics.NONE);
    }

    public ContractInvocationHandlerFactory(Contract contract, RequestValidator validator, ObjectMapper mapper,
            TokenManager tokens, AuthTokenInterceptor auth, ExceptionTranslator translator, RetryPolicy retryPolicy,
            Sleeper sleeper, String appkey, ClientMetrics metrics) {
        this.metrics = metrics;
        this.contract = contract;
        this.validator = validator;
        this.mapper = mapper;
        this.tokens = tokens;
        this.authInterceptor = auth;
        this.translator = translator;
        this.retryPolicy = retryPolicy;
        this.sleeper = sleeper;
        this.boundParameters = contract.clientBinding()
                .<Map<String, Object>>map(b -> Map.of(b.parameter(), appkey)).orElse(Map.of());
    }

    /**
     * What a call of one method needs from its signature and the contract, worked out once per
     * method: the {@code @Param} name of each argument, which arguments are query maps; any other
     * argument is the body.
     */
    private record MethodPlan(String operation, OperationInfo info, String[] paramNames, boolean[] queryMaps) {
    }

    private MethodPlan plan(Method method) {
        String operation = Operations.of(method);
        Annotation[][] annotations = method.getParameterAnnotations();
        int n = annotations.length;
        String[] names = new String[n];
        boolean[] queryMaps = new boolean[n];
        for (int i = 0; i < n; i++) {
            for (Annotation a : annotations[i]) {
                if (a instanceof Param p) {
                    names[i] = p.value();
                } else if (a instanceof QueryMap) {
                    queryMaps[i] = true;
                }
            }
        }
        return new MethodPlan(operation, contract.operation(operation).orElse(null), names, queryMaps);
    }

    @Override
    public InvocationHandler create(Target target, Map<Method, MethodHandler> dispatch) {
        InvocationHandler feign = delegate.create(target, dispatch);
        Map<Method, MethodPlan> plans = new HashMap<>();
        for (Method m : dispatch.keySet()) {
            if (m.getDeclaringClass() != Object.class) {
                plans.put(m, plan(m));
            }
        }
        return (proxy, method, args) -> {
            MethodPlan plan = plans.get(method);
            if (plan == null) {
                return feign.invoke(proxy, method, args);
            }
            Object[] callArgs = args;
            if (metrics == ClientMetrics.NONE) {
                if (plan.info() != null && validator != null) {
                    validate(plan, callArgs);
                }
                return invokeRestoringToken(feign, proxy, method, callArgs, plan, new int[1]);
            }
            long start = System.nanoTime();
            int[] attempts = {0};
            try {
                if (plan.info() != null && validator != null) {
                    validate(plan, callArgs);
                }
                Object result = invokeRestoringToken(feign, proxy, method, callArgs, plan, attempts);
                metrics.callEnded(plan.operation(), Duration.ofNanos(System.nanoTime() - start), "success",
                        EnvelopeDecoder.resultCodeOf(result), attempts[0]);
                return result;
            } catch (ToastComputeException failure) {
                metrics.callEnded(plan.operation(), Duration.ofNanos(System.nanoTime() - start),
                        failure.getClass().getSimpleName(),
                        failure instanceof ToastServiceException service ? service.resultCode() : null, attempts[0]);
                throw failure;
            }
        };
    }

    private Object invokeRestoringToken(InvocationHandler feign, Object proxy, Method method, Object[] callArgs,
            MethodPlan plan, int[] attempts) {
        if (authInterceptor == null) {
            return invokeWithPolicies(feign, proxy, method, callArgs, plan.operation(), plan.info(), attempts);
        }
        String before = authInterceptor.lastSent();
        try {
            return invokeWithPolicies(feign, proxy, method, callArgs, plan.operation(), plan.info(), attempts);
        } finally {
            authInterceptor.restore(before); // nothing of this call is left on the thread
        }
    }

    private Object invokeWithPolicies(InvocationHandler feign, Object proxy, Method method, Object[] args,
            String operation, OperationInfo info, int[] attempts) {
        boolean reissued = false;
        int failedAttempts = 0;
        while (true) {
            try {
                attempts[0]++;
                return feign.invoke(proxy, method, args);
            } catch (Throwable thrown) {
                ToastComputeException failure = translator.translate(operation, thrown);
                // Once, never more, on any code the contract lists in x-token-invalid-result-codes.
                if (!reissued && info != null && info.authenticated() && failure instanceof ToastServiceException refused
                        && contract.isTokenInvalid(refused.resultCode()) && authInterceptor != null) {
                    tokens.invalidate(authInterceptor.lastSent());
                    reissued = true;
                    metrics.retried(operation, "tokenInvalid");
                    continue;
                }
                failedAttempts++;
                Optional<Duration> delay = retryPolicy.nextDelay(info != null && info.isRead(), failure, failedAttempts);
                if (delay.isEmpty()) {
                    throw failure;
                }
                pause(delay.get(), operation, failure);
                metrics.retried(operation, "transient");
            }
        }
    }

    private void pause(Duration delay, String operation, ToastComputeException failure) {
        try {
            sleeper.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure.addSuppressed(new ToastComputeException(operation, "interrupted before retrying", e));
            throw failure;
        }
    }

    private void validate(MethodPlan plan, Object[] args) {
        // A call without arguments has only the bound parameters: no map of its own to fill.
        Map<String, Object> parameters = args == null || args.length == 0 ? boundParameters : new HashMap<>(boundParameters);
        JsonNode body = null;
        for (int i = 0; args != null && i < args.length; i++) {
            if (plan.paramNames()[i] != null) {
                parameters.put(plan.paramNames()[i], args[i]);
            } else if (plan.queryMaps()[i]) {
                if (args[i] instanceof Map<?, ?> map) {
                    map.forEach((k, v) -> parameters.put(String.valueOf(k), v));
                }
            } else if (args[i] != null) {
                body = mapper.valueToTree(args[i]);
            }
        }
        List<Violation> violations = validator.validate(plan.info(), parameters, body);
        if (!violations.isEmpty()) {
            throw new RequestValidationException(plan.info().operationId(), violations);
        }
    }
}
