"""Checks the Python client generated from the contract (run by PythonClientTest).

Imports every module of the package, then reads every named example of every operation's
response with the generated response model (pydantic validates types, enums and patterns).
A deliberately wrong envelope must be rejected, or the check proves nothing.
Prints one JSON object on its last line.

usage: check_client.py <package name> <bundled contract, JSON>
"""
import importlib
import json
import pkgutil
import sys

package_name, contract_path = sys.argv[1], sys.argv[2]
package = importlib.import_module(package_name)

modules = [package_name]
for module in pkgutil.walk_packages(package.__path__, package_name + "."):
    importlib.import_module(module.name)
    modules.append(module.name)

with open(contract_path, encoding="utf-8") as f:
    contract = json.load(f)


def resolve(example):
    if "$ref" in example:
        return contract["components"]["examples"][example["$ref"].rsplit("/", 1)[1]]
    return example


examples, parsed, failures = 0, 0, []
for path, item in contract["paths"].items():
    for method, operation in item.items():
        if method not in ("get", "put", "post", "delete", "patch"):
            continue
        media = operation["responses"]["200"]["content"]["application/json"]
        model = getattr(package, media["schema"]["$ref"].rsplit("/", 1)[1])
        for name, example in media.get("examples", {}).items():
            examples += 1
            try:
                model.from_dict(resolve(example)["value"])
                parsed += 1
            except Exception as error:  # report every failure, not only the first
                failures.append(f"{operation['operationId']} example {name}: {type(error).__name__}: {error}")

# The canary: isSuccessful must be a boolean, resultCode an integer.
try:
    package.HeaderOnlyResponse.from_dict({"header": {"isSuccessful": "maybe", "resultCode": "zero", "resultMessage": "SUCCESS"}})
    canary_rejected = False
except Exception:
    canary_rejected = True

print(json.dumps({"python": sys.version.split()[0], "modules": len(modules), "examples": examples,
                  "parsed": parsed, "failures": failures, "canaryRejected": canary_rejected}))
