/**
 * The platforms a run can name with --platform. "host" is wherever the CLI runs; "host-node24"
 * is the same machine with the CLI (and with it the in-process implementations) under another
 * Node release line; the Linux containers (one entry each in harness/model/container-platforms.json)
 * run the same CLI inside an image built by docker/build-images.sh (as a non-root user, with the Debian-packaged peers); FreeBSD needs a
 * FreeBSD machine and, from anywhere else, is reported "not-run" with the reason.
 */
import { CONTAINER_PLATFORMS, containerImage, containerImageBuild } from "../model/container-platform";
import { NODE_RUNTIME_MAJORS, runtimePlatformId } from "./node-runtimes";
export type PlatformTarget =
  | { readonly id: string; readonly kind: "here"; readonly title: string }
  | {
      readonly id: string;
      readonly kind: "container";
      readonly title: string;
      /** Local image tag (nothing is ever pulled). */
      readonly image: string;
      /** The command that builds the image when it is missing. */
      readonly build: string;
    }
  | {
      readonly id: string;
      readonly kind: "runtime";
      readonly title: string;
      /** The Node.js major version the CLI runs under there (an npm package, see node-runtimes.ts). */
      readonly major: number;
    }
  | {
      readonly id: string;
      readonly kind: "remote";
      readonly title: string;
      /** How the machine is had: a container of the Debian 12 image, or a FreeBSD image booted under qemu; a site agent in both. */
      readonly provider: "agent-container" | "qemu";
    }
  | {
      readonly id: string;
      readonly kind: "machine";
      readonly title: string;
      /** process.platform of the machine that can run it here as its own host. */
      readonly os: string;
      /** Where to read how to run it there. */
      readonly howTo: string;
    };

export const PLATFORM_TARGETS: readonly PlatformTarget[] = [
  { id: "host", kind: "here", title: "the machine running the CLI" },
  ...CONTAINER_PLATFORMS.map((platform) => ({
    id: platform.id,
    kind: "container" as const,
    title: platform.title,
    image: containerImage(platform),
    build: containerImageBuild(platform),
  })),
  ...NODE_RUNTIME_MAJORS.map((major) => ({ id: runtimePlatformId(major), kind: "runtime" as const, title: `this machine under Node ${major}`, major })),
  {
    id: "agent-debian12",
    kind: "remote",
    title: "the Debian 12 image reached only through a site agent, as a FreeBSD guest is",
    provider: "agent-container",
  },
  { id: "freebsd-qemu", kind: "remote", title: "a FreeBSD guest under qemu, reached through its site agent", provider: "qemu" },
  { id: "freebsd", kind: "machine", title: "FreeBSD", os: "freebsd", howTo: "docker/freebsd/README.md" },
];

/**
 * The id of the platform this process runs on: a container image sets ZIC_PLATFORM, so the CLI
 * inside it labels its rows (and picks per-platform expectations) by the container's id.
 */
export function currentPlatformId(): string {
  return process.env.ZIC_PLATFORM || "host";
}

export type PlatformPlan =
  | { readonly id: string; readonly where: "here" }
  | { readonly id: string; readonly where: "container"; readonly target: Extract<PlatformTarget, { kind: "container" }> }
  | { readonly id: string; readonly where: "runtime"; readonly target: Extract<PlatformTarget, { kind: "runtime" }> }
  | { readonly id: string; readonly where: "remote"; readonly target: Extract<PlatformTarget, { kind: "remote" }> }
  | { readonly id: string; readonly where: "unreachable"; readonly reason: string };

/** Where each requested platform runs from this process; unknown ids are a usage error (thrown by the caller). */
export function planPlatform(id: string): PlatformPlan | undefined {
  const target = PLATFORM_TARGETS.find((t) => t.id === id);
  if (id === "host" || id === currentPlatformId()) return { id, where: "here" };
  if (target === undefined) return undefined;
  switch (target.kind) {
    case "here":
      return { id, where: "here" };
    case "container":
      if (currentPlatformId() !== "host") {
        return { id, where: "unreachable", reason: `a container platform is run from the host, not from inside ${currentPlatformId()}` };
      }
      return { id, where: "container", target };
    case "runtime":
      if (currentPlatformId() !== "host") {
        return { id, where: "unreachable", reason: `a Node runtime platform is run from the host, not from inside ${currentPlatformId()}` };
      }
      return { id, where: "runtime", target };
    case "remote":
      if (currentPlatformId() !== "host") {
        return { id, where: "unreachable", reason: `a remote machine is reached from the host, not from inside ${currentPlatformId()}` };
      }
      return { id, where: "remote", target };
    case "machine":
      if (process.platform === target.os) return { id, where: "here" };
      return {
        id,
        where: "unreachable",
        reason: `needs a ${target.title} machine (this is ${process.platform}): no ${target.title} kernel runs in a Linux container; run the CLI there with --platform ${id} and merge its report (see ${target.howTo})`,
      };
  }
}
