/**
 * The checks of the container image: {@code infra/image/Containerfile} offline ({@link ContainerfileTest}), and the
 * OCI tarball the build makes with Jib ({@link ImageTest}): its configuration, its layers, and, where the machine
 * can, a run of it.
 */
package health.citadel.image;
