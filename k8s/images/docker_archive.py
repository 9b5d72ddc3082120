"""Wraps a root filesystem tarball as a one-layer image in `docker save` format (a docker-archive), the form Jib
reads as a `tar://` base image. No daemon and no registry: the archive is a manifest, an image config and the layer.

Usage: docker_archive.py ROOTFS_TAR OUTPUT_TAR REPO:TAG
"""
import hashlib
import io
import json
import sys
import tarfile


def sha256_of(path):
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def add_bytes(archive, name, data):
    entry = tarfile.TarInfo(name)
    entry.size = len(data)
    archive.addfile(entry, io.BytesIO(data))


def main(rootfs, output, reference):
    layer_digest = sha256_of(rootfs)
    java_home = "/usr/lib/jvm/java-17-openjdk-amd64"
    config = {
        "architecture": "amd64",
        "os": "linux",
        "config": {
            "Env": [
                "PATH=" + java_home + "/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
                "JAVA_HOME=" + java_home,
                "LANG=C.UTF-8",
            ],
        },
        "rootfs": {"type": "layers", "diff_ids": ["sha256:" + layer_digest]},
        "history": [{"created_by": "mmdebstrap minbase bookworm + openjdk-17-jre-headless, ca-certificates"}],
    }
    config_bytes = json.dumps(config, sort_keys=True).encode()
    config_name = hashlib.sha256(config_bytes).hexdigest() + ".json"
    layer_name = layer_digest + "/layer.tar"
    manifest = [{"Config": config_name, "RepoTags": [reference], "Layers": [layer_name]}]
    with tarfile.open(output, "w") as archive:
        add_bytes(archive, config_name, config_bytes)
        archive.add(rootfs, arcname=layer_name)
        add_bytes(archive, "manifest.json", json.dumps(manifest).encode())


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    main(*sys.argv[1:])
