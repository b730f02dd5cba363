#!/usr/bin/env bash
# The image's Java runtime, made the way distroless images are: Debian's own packages, fetched with
# `apt-get download` and unpacked with `dpkg-deb -x` (no maintainer scripts run, nothing installed on the host).
#
#   infra/image/debian-jre.sh <work dir>
#
# writes <work dir>/rootfs (the files the image's runtime layer holds, every symbolic link replaced by what it
# points to inside rootfs, since Jib copies a link's target from the build machine's own file system) and
# <work dir>/packages.tsv (name, version, architecture of each package: the image SBOM's Debian part).
# Needs apt's package lists (`apt-get update` once, as .ci/run does); never needs root otherwise.
set -euo pipefail

work=${1:?usage: debian-jre.sh <work dir>}
# The JRE and the shared libraries its binaries load (ldd of bin/java, lib/server/libjvm.so and lib/*.so that a
# headless server uses); ca-certificates for the Mozilla roots the trust store is made from (TrustStore.java),
# because ca-certificates-java's maintainer script, which makes Debian's cacerts, does not run here.
packages=(openjdk-17-jre-headless libc6 libgcc-s1 libstdc++6 zlib1g ca-certificates)

rm -rf "$work/debs" "$work/unpacked" "$work/rootfs"
mkdir -p "$work/debs" "$work/unpacked"
( cd "$work/debs" && apt-get download -q=2 "${packages[@]}" 2>&1 | grep -v 'Download is performed unsandboxed' || true )
for p in "${packages[@]}"; do
  ls "$work/debs/${p}_"*.deb >/dev/null 2>&1 || { echo "debian-jre.sh: apt-get download did not fetch $p (run apt-get update first)" >&2; exit 1; }
done

: > "$work/packages.tsv"
for deb in "$work"/debs/*.deb; do
  dpkg-deb -x "$deb" "$work/unpacked"
  dpkg-deb -f "$deb" Package Version Architecture | awk -F': ' '{printf "%s%s", (NR>1?"\t":""), $2} END {print ""}' >> "$work/packages.tsv"
done
sort -o "$work/packages.tsv" "$work/packages.tsv"

root="$work/unpacked"
# what a server never reads: manuals, change logs, locales (each package's copyright file stays, for its licence)
find "$root/usr/share/doc" -type f ! -name copyright -delete 2>/dev/null || true
rm -rf "$root/usr/share/man" "$root/usr/share/locale" "$root/usr/share/lintian" "$root/usr/share/info" \
       "$root/usr/lib/jvm/java-17-openjdk-amd64/man" "$root/usr/share/gdb" "$root/usr/lib/x86_64-linux-gnu/gconv"

# Absolute links (…/conf/security/java.security -> /etc/java-17-openjdk/…, /lib64/ld-linux-x86-64.so.2) are made
# relative, so that they resolve inside rootfs; links to packages not taken (cacerts, before TrustStore writes
# it) are dropped; then a dereferencing copy turns each link into the file or folder it names.
find "$root" -type l -print0 | while IFS= read -r -d '' link; do
  target=$(readlink "$link")
  if [[ $target == /* ]]; then
    ln -sfn "$(realpath -m --relative-to="$(dirname "$link")" "$root$target")" "$link"
  fi
done
find "$root" -xtype l -delete
# a link to a folder is an alias (java-1.17.0-openjdk-amd64 -> java-17-openjdk-amd64): copied, it would be twice
find "$root" -type l -xtype d -delete
rm -f "$root/usr/lib/jvm/.java-1.17.0-openjdk-amd64.jinfo"
cp -rL "$root" "$work/rootfs"
rm -rf "$root"
find "$work/rootfs" -type d -empty -delete

# the trust store, from the Mozilla roots ca-certificates ships (only the JRE reads them: the .crt files go)
jre="$work/rootfs/usr/lib/jvm/java-17-openjdk-amd64"
"${JAVA_HOME:+$JAVA_HOME/bin/}java" "$(dirname "$0")/TrustStore.java" "$work/rootfs/usr/share/ca-certificates/mozilla" \
  "$jre/lib/security/cacerts"
rm -rf "$work/rootfs/usr/share/ca-certificates" "$work/rootfs/usr/sbin" "$work/rootfs/etc/ca-certificates.conf" \
       "$work/rootfs/usr/share/gcc"

# no shell and no user database in the image, only the two entries the runtime and `ls -n` look up: root, and the
# user the server runs as (1001, group 0, as in Open Liberty's own images); /tmp is the one writable place, for
# Liberty's output (WLP_OUTPUT_DIR, X_LOG_DIR) and the JVM's temporary files, and a tmpfs on a read-only root
mkdir -p "$work/rootfs/etc" "$work/rootfs/tmp"
printf 'root:x:0:0:root:/root:/sbin/nologin\ncitadel:x:1001:0:Citadel:/tmp:/sbin/nologin\n' > "$work/rootfs/etc/passwd"
printf 'root:x:0:\n' > "$work/rootfs/etc/group"

# the Debian part of the image's SBOM (CycloneDX 1.5), beside the Maven part that cyclonedx-maven-plugin writes
{
  printf '{"bomFormat":"CycloneDX","specVersion":"1.5","version":1,\n "metadata":{"component":{"type":"container","name":"citadel-image-jre-layer"}},\n "components":['
  sep=''
  while IFS=$'\t' read -r name version arch; do
    enc=${version//:/%3A}; enc=${enc//+/%2B}; pname=${name//+/%2B}
    printf '%s\n  {"type":"%s","name":"%s","version":"%s","purl":"pkg:deb/debian/%s@%s?arch=%s&distro=debian-%s"}' \
      "$sep" "$([[ $name == openjdk-* ]] && echo application || echo library)" "$name" "$version" "$pname" "$enc" "$arch" \
      "$(cut -d. -f1 /etc/debian_version)"
    sep=','
  done < "$work/packages.tsv"
  printf '\n ]}\n'
} > "$work/bom-debian.json"
echo "debian-jre.sh: $(wc -l < "$work/packages.tsv") packages, $(du -sh "$work/rootfs" | cut -f1) in $work/rootfs"
