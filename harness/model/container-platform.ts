/**
 * The Linux platforms that run in containers, from the one data file that lists them
 * (container-platforms.json; this module is named apart from it because require() would
 * resolve "./container-platforms" to the .json). The docker scripts read the same file, so the platform ids, the
 * image tags and what each image is made of are written once.
 */
import data from "./container-platforms.json";

export interface ContainerPlatform {
  /** The platform id in --platform and in the report's rows ("linux-debian12"). */
  readonly id: string;
  /** The image's tag: the image is zic-linux:<tag>, built by `bash docker/build-images.sh <tag>`. */
  readonly tag: string;
  /** The Debian suite its base is built from (debootstrap's SUITE: "bookworm"). */
  readonly debianSuite: string;
  readonly title: string;
  /** Where the image's node comes from: host, debian or npm:<major> (docker/build-images.sh). */
  readonly nodeFrom: string;
  readonly nodeFromWhy: string;
}

export const CONTAINER_PLATFORMS: readonly ContainerPlatform[] = data.platforms;

/** The local image a container platform runs (nothing is ever pulled). */
export const containerImage = (platform: ContainerPlatform): string => `zic-linux:${platform.tag}`;

/** The command that builds a container platform's image. */
export const containerImageBuild = (platform: ContainerPlatform): string => `bash docker/build-images.sh ${platform.tag}`;

/** "linux-debian12 or linux-debian13": the container platforms, for a sentence. */
export function containerPlatformList(conjunction = "or"): string {
  const ids = CONTAINER_PLATFORMS.map((p) => p.id);
  return ids.length <= 1 ? ids.join("") : `${ids.slice(0, -1).join(", ")} ${conjunction} ${ids[ids.length - 1]}`;
}
