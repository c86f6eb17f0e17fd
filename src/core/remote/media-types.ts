// The OCI media types of a module version in a remote (docs/remote.md).
export const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
export const MODULE_ARTIFACT = 'application/vnd.promptpm.module.v1';
export const MODULE_CONFIG = 'application/vnd.promptpm.module.config.v1+json';
/** One layer per file of the version, its POSIX path in the title annotation. */
export const MODULE_FILE = 'application/vnd.promptpm.module.file.v1';
export const TITLE_ANNOTATION = 'org.opencontainers.image.title';
