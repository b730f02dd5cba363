/**
 * Offline checks of {@code infra/terraform}: every {@code .tf} file is parsed with hcl4j and the cloud's
 * security policies are asserted on the parsed configuration ({@link health.citadel.infra.terraform.CloudPolicies}).
 */
package health.citadel.infra.terraform;
