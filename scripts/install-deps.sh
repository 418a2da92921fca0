#!/usr/bin/env bash
# Installs what scripts/run and scripts/test need on Debian or Ubuntu: the mosquitto
# broker and InfluxDB 1.x (Debian packages mosquitto, mosquitto-clients, influxdb,
# influxdb-client), curl, a JDK 17+ and Maven, and for the dashboard's browser test
# (DashboardBrowserIT) Debian's headless-capable chromium with a CJK font
# (fonts-wqy-microhei) so that its screenshots show the Chinese labels. Installs only what is missing, so it is
# quick to run again. Starts no daemon: Lantian's scripts and tests run their own
# mosquitto and influxd, so package services would only hold ports 1883, 8086 and 8088.
set -euo pipefail

log() { printf '[install-deps] %s\n' "$*"; }
die() { printf '[install-deps] ERROR: %s\n' "$*" >&2; exit 1; }

packages=(mosquitto mosquitto-clients influxdb influxdb-client curl chromium fonts-wqy-microhei)

is_installed() {
	[[ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null || true)" == "install ok installed" ]]
}

# Prints the major version of the java on PATH (8 for "1.8"), or nothing.
java_major() {
	command -v java >/dev/null || return 0
	java -XshowSettings:properties -version 2>&1 \
		| awk -F'= ' '/java.specification.version/ { split($2, v, "."); print (v[1] == "1" ? v[2] : v[1]) }'
}

if ! command -v dpkg-query >/dev/null || ! command -v apt-get >/dev/null; then
	die "this script needs Debian or Ubuntu (dpkg and apt-get). Install mosquitto, influxd 1.x, JDK 17+ and Maven yourself."
fi

missing=()
for package in "${packages[@]}"; do
	is_installed "$package" || missing+=("$package")
done

major="$(java_major)"
if [[ -z "$major" ]] || ((major < 17)) || ! command -v javac >/dev/null; then
	log "java ${major:-missing} (javac $(command -v javac >/dev/null && echo present || echo missing)); JDK 17+ needed"
	is_installed openjdk-17-jdk-headless || missing+=(openjdk-17-jdk-headless)
fi
command -v mvn >/dev/null || missing+=(maven)

if ((${#missing[@]} == 0)); then
	log "all present: ${packages[*]}, java ${major}, $(mvn -v 2>/dev/null | head -n 1 | sed 's/\x1b\[[0-9;]*m//g')"
	exit 0
fi

sudo=()
if [[ "$(id -u)" -ne 0 ]]; then
	command -v sudo >/dev/null || die "need root or sudo to install: ${missing[*]}"
	sudo=(sudo)
fi

# policy-rc.d answering 101 ("action forbidden") stops the packages' postinst scripts
# from starting their services through invoke-rc.d or deb-systemd-invoke. We add one
# only if the machine has none (Docker images often do), and remove only ours.
policy=/usr/sbin/policy-rc.d
own_policy=false
remove_policy() {
	if [[ "$own_policy" == true ]]; then
		"${sudo[@]}" rm -f "$policy"
		own_policy=false
	fi
}
trap remove_policy EXIT
if [[ ! -e "$policy" ]]; then
	printf '#!/bin/sh\n# Added by Lantian scripts/install-deps.sh while it installs packages.\nexit 101\n' \
		| "${sudo[@]}" tee "$policy" >/dev/null
	"${sudo[@]}" chmod 755 "$policy"
	own_policy=true
fi

apt_install() {
	"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$@"
}

log "installing: ${missing[*]}"
if ! apt_install "${missing[@]}"; then
	log "install failed; updating the package lists and trying again"
	"${sudo[@]}" apt-get update
	apt_install "${missing[@]}"
fi
remove_policy

for binary in mosquitto influxd chromium; do
	if ! command -v "$binary" >/dev/null && [[ ! -x "/usr/sbin/$binary" && ! -x "/usr/bin/$binary" ]]; then
		die "$binary is still missing after installing its package"
	fi
done
major="$(java_major)"
if [[ -z "$major" ]] || ((major < 17)) || ! command -v javac >/dev/null; then
	die "java on PATH is ${major:-missing}; select JDK 17+ with: sudo update-alternatives --config java (and javac)"
fi
command -v mvn >/dev/null || die "mvn is still missing after installing maven"

for daemon in mosquitto influxd; do
	if pgrep -x "$daemon" >/dev/null; then
		log "note: $daemon is running (started by its package, by you or by tests); scripts/run reuses one that answers on its default port, tests start their own"
	fi
done
log "done: ${packages[*]}, java ${major}, $(mvn -v 2>/dev/null | head -n 1 | sed 's/\x1b\[[0-9;]*m//g')"
