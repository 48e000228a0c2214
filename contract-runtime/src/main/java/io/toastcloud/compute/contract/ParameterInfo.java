package io.toastcloud.compute.contract;

import com.fasterxml.jackson.databind.JsonNode;

/** A path or query parameter of an operation, with its schema and whether its value is a secret. */
public record ParameterInfo(String name, String in, boolean required, boolean secret, JsonNode schema) {
}
