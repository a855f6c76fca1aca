#!/usr/bin/env bash
# DynamoDB Local (the integration tests' database) is a Java program: it needs Java 17 or newer.
set -euo pipefail
if command -v java >/dev/null 2>&1; then exit 0; fi
echo "Java is missing: DynamoDB Local needs Java 17+. Installing Debian's openjdk-17-jre-headless..." >&2
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openjdk-17-jre-headless >/dev/null
else
  echo "Cannot install Java here. Install a Java 17+ runtime (Debian/Ubuntu: sudo apt-get install openjdk-17-jre-headless) and run again." >&2
  exit 1
fi
