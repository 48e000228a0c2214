package io.toastcloud.compute.emulator.control;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.toastcloud.compute.emulator.Durations;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The control plane, under {@value #ROOT} on the API's port: a path the contract can never
 * have (its paths start with {@code /v1.0} or {@code /compute}). Plain REST with real HTTP
 * statuses and JSON, unlike the API (this is the emulator's own interface, not the service's):
 * 200/201 with a body, 204 without, 400 for a refused request (the body's {@code error} says
 * why), 404 for an unknown endpoint or appkey, 405 for a wrong method, 409 when the clock is
 * not manual. Endpoints are listed in {@link #ENDPOINTS} and docs/EMULATOR.md.
 */
public final class ControlHttpHandler implements HttpHandler {
    public static final String ROOT = "/_emulator";
    static final List<String> ENDPOINTS = List.of(
            "GET /_emulator/appkeys", "GET /_emulator/appkeys/{appkey}", "POST /_emulator/appkeys/{appkey}/reset",
            "POST /_emulator/reset", "GET /_emulator/clock", "POST /_emulator/clock/advance",
            "POST /_emulator/transitions/finish", "GET /_emulator/faults", "POST /_emulator/faults",
            "DELETE /_emulator/faults", "DELETE /_emulator/faults/{id}", "GET /_emulator/consistency");
    private static final Logger LOG = LoggerFactory.getLogger(ControlHttpHandler.class);
    private static final int MAX_BODY_BYTES = 64 * 1024;

    private final EmulatorControl control;
    private final FaultRules faults;
    private final Supplier<List<String>> consistencyProblems;
    private final ObjectMapper mapper = new ObjectMapper();

    public ControlHttpHandler(EmulatorControl control, FaultRules faults, Supplier<List<String>> consistencyProblems) {
        this.control = control;
        this.faults = faults;
        this.consistencyProblems = consistencyProblems;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod().toUpperCase(java.util.Locale.ROOT);
        String path = exchange.getRequestURI().getPath();
        String[] parts = path.substring(ROOT.length()).replaceAll("^/+|/+$", "").split("/", -1);
        Reply reply;
        try {
            byte[] body = read(exchange.getRequestBody());
            reply = route(method, parts, body);
        } catch (IllegalArgumentException refused) {
            reply = error(400, refused.getMessage());
        } catch (IllegalStateException conflict) {
            reply = error(409, conflict.getMessage());
        } catch (RuntimeException unexpected) {
            LOG.error("{} {} failed", method, path, unexpected);
            reply = error(500, "the control plane failed: " + unexpected.getClass().getSimpleName());
        }
        LOG.debug("control {} {} -> {}", method, path, reply.status);
        try {
            if (reply.body == null) {
                exchange.sendResponseHeaders(reply.status, -1);
                return;
            }
            byte[] bytes = mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(reply.body);
            exchange.getResponseHeaders().set("Content-Type", "application/json;charset=UTF-8");
            exchange.sendResponseHeaders(reply.status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } finally {
            exchange.close();
        }
    }

    private Reply route(String method, String[] p, byte[] body) {
        String first = p.length > 0 ? p[0] : "";
        switch (first) {
            case "appkeys" -> {
                if (p.length == 1) {
                    return only(method, "GET", () -> {
                        ObjectNode json = mapper.createObjectNode();
                        ArrayNode keys = json.putArray("appkeys");
                        control.appkeys().forEach(keys::add);
                        return ok(json);
                    });
                }
                if (p.length == 2) {
                    return only(method, "GET", () -> control.state(p[1]).map(ControlHttpHandler::ok)
                            .orElseGet(() -> error(404, "appkey '" + p[1] + "' has no state (it was never used)")));
                }
                if (p.length == 3 && p[2].equals("reset")) {
                    return only(method, "POST", () -> {
                        control.reset(p[1]);
                        return new Reply(204, null);
                    });
                }
            }
            case "reset" -> {
                if (p.length == 1) {
                    return only(method, "POST", () -> ok(mapper.createObjectNode().put("reset", control.resetAll())));
                }
            }
            case "clock" -> {
                if (p.length == 1) {
                    return only(method, "GET", this::clock);
                }
                if (p.length == 2 && p[1].equals("advance")) {
                    return only(method, "POST", () -> {
                        JsonNode by = json(body).get("by");
                        if (by == null || !by.isTextual()) {
                            throw new IllegalArgumentException("the body needs 'by', a duration such as \"30s\" or \"PT5M\"");
                        }
                        Duration d = Durations.parse(by.asText());
                        control.advanceClock(d);
                        return clock();
                    });
                }
            }
            case "transitions" -> {
                if (p.length == 2 && p[1].equals("finish")) {
                    return only(method, "POST", () -> ok(mapper.createObjectNode()
                            .put("finished", control.finishPendingTransitions())));
                }
            }
            case "faults" -> {
                if (p.length == 1) {
                    return switch (method) {
                        case "GET" -> {
                            ObjectNode json = mapper.createObjectNode();
                            ArrayNode rules = json.putArray("rules");
                            faults.list().forEach(l -> rules.add(FaultRuleJson.write(l)));
                            yield ok(json);
                        }
                        case "POST" -> {
                            FaultRule added = faults.add(FaultRuleJson.parse(json(body)));
                            yield new Reply(201, FaultRuleJson.write(new FaultRules.Listed(added, added.times(), 0)));
                        }
                        case "DELETE" -> {
                            faults.clear();
                            yield new Reply(204, null);
                        }
                        default -> methodNotAllowed(method, "GET, POST, DELETE");
                    };
                }
                if (p.length == 2) {
                    return only(method, "DELETE", () -> faults.remove(p[1]) ? new Reply(204, null)
                            : error(404, "no fault rule '" + p[1] + "' (GET /_emulator/faults lists them)"));
                }
            }
            case "consistency" -> {
                if (p.length == 1) {
                    return only(method, "GET", () -> {
                        ObjectNode json = mapper.createObjectNode();
                        ArrayNode problems = json.putArray("problems");
                        consistencyProblems.get().forEach(problems::add);
                        return ok(json);
                    });
                }
            }
            default -> { }
        }
        return error(404, "no control endpoint " + method + " " + ROOT + "/" + String.join("/", p) + "; there are: "
                + String.join(", ", ENDPOINTS));
    }

    private Reply clock() {
        return ok(mapper.createObjectNode().put("manual", control.manualClock()).put("now", control.now().toString()));
    }

    private static Reply only(String method, String allowed, Supplier<Reply> action) {
        return method.equals(allowed) ? action.get() : methodNotAllowed(method, allowed);
    }

    private static Reply methodNotAllowed(String method, String allowed) {
        return error(405, "method " + method + " is not allowed here; use " + allowed);
    }

    private JsonNode json(byte[] body) {
        if (body.length == 0) {
            throw new IllegalArgumentException("the request needs a JSON body");
        }
        try {
            return mapper.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the body is not JSON" + (e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")"));
        } catch (IOException e) {
            throw new IllegalArgumentException("the body cannot be read");
        }
    }

    private static byte[] read(InputStream in) throws IOException {
        try (in) {
            byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
            if (bytes.length > MAX_BODY_BYTES) {
                in.transferTo(OutputStream.nullOutputStream());
                throw new IllegalArgumentException("the body is larger than " + MAX_BODY_BYTES + " bytes");
            }
            return bytes;
        }
    }

    private static Reply ok(JsonNode body) {
        return new Reply(200, body);
    }

    private static Reply error(int status, String message) {
        ObjectNode json = new ObjectMapper().createObjectNode();
        json.put("error", message);
        return new Reply(status, json);
    }

    private record Reply(int status, JsonNode body) {
    }
}
