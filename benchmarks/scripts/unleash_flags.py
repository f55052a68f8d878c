#!/usr/bin/env python3
"""The seed's flags in Unleash, and a check that Unleash and flags-service then agree.

  unleash_flags.py seed    UNLEASH_URL ADMIN_TOKEN FLAG_FILE
  unleash_flags.py compare UNLEASH_URL FRONTEND_TOKEN OFREP_URL

seed: every flag of config/feature_flags.json becomes an Unleash flag in the default project with
one gradual rollout (flexibleRollout, sticky on userId = the finca id, group id = the flag key)
whose constraints say what flags-service's rules say: the deployment levels, the minimum app
version, and for alert levels the levels at or above nivel_minimo. A flag with habilitado=false
stays off in the environment.

compare: asks both for the same contexts and prints how many fincas got the same flags on, so
the benchmark's two sides are known to do the same work with the same answers.
"""
import json
import sys
import urllib.error
import urllib.parse
import urllib.request

PROJECT = "default"
ENVIRONMENT = "development"
LEVELS = ["piloto", "produccion_controlada", "produccion_abierta"]  # DeploymentLevel's order


def call(method, url, token=None, body=None, ok_if_exists=False):
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(url, data=data, method=method)
    request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", token)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            text = response.read().decode()
            return json.loads(text) if text.strip() else None
    except urllib.error.HTTPError as e:
        # a second run against the same database finds its flags there already
        if ok_if_exists and e.code == 409:
            return None
        raise SystemExit(f"{method} {url}: HTTP {e.code} {e.read().decode()[:400]}")


def rollouts(flag_file):
    """(key, enabled, rollout %, constraints) for every flag of the seed's file."""
    seed = json.load(open(flag_file))
    for key, phase in seed.get("FASES", {}).items():
        constraints = [{"contextName": "nivel_despliegue", "operator": "IN", "values": phase["niveles"]}]
        if phase.get("version_minima"):
            # "at least version_minima": not below it (SEMVER_LT inverted is in every Unleash SDK)
            constraints.append({"contextName": "app_version", "operator": "SEMVER_LT",
                                "value": phase["version_minima"], "inverted": True})
        yield key, phase["habilitado"], phase["porcentaje_rollout"], constraints
    for key, alert in seed.get("ALERTAS", {}).items():
        reached = LEVELS[LEVELS.index(alert["nivel_minimo"]):]
        yield key, alert["habilitado"], 100, [{"contextName": "nivel_despliegue", "operator": "IN", "values": reached}]


def seed(base, admin, flag_file):
    for field, values in (("nivel_despliegue", LEVELS), ("app_version", [])):
        call("POST", f"{base}/api/admin/context", admin,
             {"name": field, "stickiness": False, "legalValues": [{"value": v} for v in values]}, ok_if_exists=True)
    count = 0
    for key, enabled, rollout, constraints in rollouts(flag_file):
        feature = f"{base}/api/admin/projects/{PROJECT}/features"
        call("POST", feature, admin, {"name": key, "type": "release"}, ok_if_exists=True)
        env = f"{feature}/{key}/environments/{ENVIRONMENT}"
        existing = call("GET", f"{env}/strategies", admin) or []
        for strategy in existing:
            call("DELETE", f"{env}/strategies/{strategy['id']}", admin)
        call("POST", f"{env}/strategies", admin, {
            "name": "flexibleRollout",
            "parameters": {"rollout": str(rollout), "stickiness": "userId", "groupId": key},
            "constraints": constraints})
        call("POST", f"{env}/{'on' if enabled else 'off'}", admin)
        count += 1
    print(f"{count} flags in Unleash as gradual rollouts with constraints")


def compare(base, frontend, ofrep):
    same = total = on_count = flags_seen = 0
    differences = []
    for level in LEVELS:
        for version in ("0.9.0", "1.0.0", "1.2.0"):
            for n in range(0, 5000, 50):
                finca = f"finca-{n}"
                query = urllib.parse.urlencode({"userId": finca, "nivel_despliegue": level, "app_version": version})
                unleash_on = {t["name"] for t in call("GET", f"{base}/api/frontend?{query}", frontend)["toggles"]}
                bulk = call("POST", f"{ofrep}/ofrep/v1/evaluate/flags", None, {"context": {
                    "targetingKey": finca, "nivel_despliegue": level, "app_version": version}})["flags"]
                ofrep_on = {f["key"] for f in bulk if f.get("value") is True}
                flags_seen = max(flags_seen, len(bulk))
                total += 1
                on_count += len(ofrep_on)
                if unleash_on == ofrep_on:
                    same += 1
                elif len(differences) < 5:
                    differences.append(f"{finca} {level} {version}: OFREP {sorted(ofrep_on)} Unleash {sorted(unleash_on)}")
    print(f"{same}/{total} contexts with the same flags on in both "
          f"(OFREP evaluates {flags_seen} flags per request, {on_count / total:.1f} on on average)")
    for line in differences:
        print("  differs:", line)
    return same == total


if __name__ == "__main__":
    verb, *args = sys.argv[1:]
    if verb == "seed":
        seed(*args)
    elif verb == "compare":
        sys.exit(0 if compare(*args) else 1)
    else:
        raise SystemExit(__doc__)
