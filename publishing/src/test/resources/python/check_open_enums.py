"""Checks that the generated Python client reads enum values the contract does not list
(`x-open-enum: true`, DECISIONS.md D49) and still refuses them in requests (run by
PythonClientTest).

For every named example of every operation's answer, every value of an open enum in it is
replaced by a value no list has, and the answer is read the way the client reads one
(ApiClient.deserialize). Each replaced value must come back as it was sent, as an enum member
that is not one of the listed ones. Then every open enum and the security group rule request
must refuse the same value outside an answer. Prints one JSON object on its last line.

usage: check_open_enums.py <package name> <bundled contract, JSON>
"""
import copy
import importlib
import json
import sys

package_name, contract_path = sys.argv[1], sys.argv[2]
package = importlib.import_module(package_name)
ApiClient = importlib.import_module(package_name + ".api_client").ApiClient

with open(contract_path, encoding="utf-8") as f:
    contract = json.load(f)
schemas = contract["components"]["schemas"]
open_enums = sorted(name for name, schema in schemas.items() if schema.get("x-open-enum"))
UNKNOWN_TEXT = "toast-unlisted-value"


def unlisted(enum):
    """A value of the enum's own type that its list lacks."""
    schema = schemas[enum]
    if schema.get("type") == "integer":
        return max(v for v in schema["enum"] if v is not None) + 1
    return UNKNOWN_TEXT


def resolve(node, section):
    while "$ref" in node:
        node = contract["components"][section][node["$ref"].rsplit("/", 1)[1]]
    return node


def replace_open_enum_values(value, schema, path, replaced):
    """Replaces, in place, every value of an open enum; records (path, enum name)."""
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[1]
        if name in open_enums:
            return name
        schema = schemas[name]
    for part in schema.get("allOf", []):
        replace_open_enum_values(value, part, path, replaced)
    if isinstance(value, dict):
        for key, item in list(value.items()):
            sub = schema.get("properties", {}).get(key)
            if sub is not None and item is not None:
                enum = replace_open_enum_values(item, sub, path + "." + key, replaced)
                if enum:
                    value[key] = unlisted(enum)
                    replaced.append((path + "." + key, enum))
    elif isinstance(value, list) and "items" in schema:
        for index, item in enumerate(value):
            if item is None:
                continue
            enum = replace_open_enum_values(item, schema["items"], f"{path}[{index}]", replaced)
            if enum:
                value[index] = unlisted(enum)
                replaced.append((f"{path}[{index}]", enum))
    return None


def read_back(obj, path):
    for part in path.split(".")[1:]:
        index = None
        if part.endswith("]"):
            part, index = part[:-1].split("[")
        obj = getattr(obj, next(field for field, info in type(obj).model_fields.items()
                                 if (info.alias or field) == part or field == part))
        if index is not None:
            obj = obj[int(index)]
    return obj


client = ApiClient()
answers, fields, failures, covered = 0, 0, [], set()
for item in contract["paths"].values():
    for method, operation in item.items():
        if method not in ("get", "put", "post", "delete", "patch"):
            continue
        media = operation["responses"]["200"]["content"]["application/json"]
        type_name = media["schema"]["$ref"].rsplit("/", 1)[1]
        for name, example in media.get("examples", {}).items():
            body = copy.deepcopy(resolve(example, "examples")["value"])
            replaced = []
            replace_open_enum_values(body, media["schema"], "$", replaced)
            if not replaced:
                continue
            answers += 1
            where = f"{operation['operationId']} example {name}"
            try:
                read = client.deserialize(json.dumps(body), type_name, "application/json")
            except Exception as error:
                failures.append(f"{where}: {type(error).__name__}: {error}")
                continue
            for path, enum in replaced:
                fields += 1
                covered.add(enum)
                value = read_back(read, path)
                enum_class = getattr(package, enum)
                if not isinstance(value, enum_class) or value.value != unlisted(enum) or value.name != "UNKNOWN_DEFAULT_OPEN_API":
                    failures.append(f"{where}: {path} ({enum}) read as {value!r}, not as the unlisted {unlisted(enum)!r}")

# Requests stay strict: outside an answer the same value is refused.
accepted_in_requests = []
for enum in open_enums:
    try:
        getattr(package, enum)(unlisted(enum))
        accepted_in_requests.append(enum)
    except ValueError:
        pass
for field in ("direction", "ethertype", "protocol"):
    rule = {"securityGroupId": "sg", "direction": "ingress", field: UNKNOWN_TEXT}
    try:
        package.SecurityGroupRuleSpec.from_dict(rule)
        accepted_in_requests.append("SecurityGroupRuleSpec." + field)
    except Exception:
        pass

print(json.dumps({"openEnums": open_enums, "covered": sorted(covered), "answers": answers, "fields": fields,
                  "failures": failures, "acceptedInRequests": accepted_in_requests}))
