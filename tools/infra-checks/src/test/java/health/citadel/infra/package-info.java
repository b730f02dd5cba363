/** Offline policy checks of the deployment code under {@code infra/}: what this machine cannot apply, it parses. */
package health.citadel.infra;
