/**
 * Offline checks of {@code infra/kubernetes}: every manifest loaded into fabric8's typed model (unknown fields
 * refused), each region's overlay rendered without a kustomize binary, and the cluster's policies
 * ({@link health.citadel.infra.kubernetes.ClusterPolicies}) asserted on what each region would apply.
 */
package health.citadel.infra.kubernetes;
