/**
 * Resource classes: the shape most programs want, thin over the generated API.
 *
 * <p>{@code toast.instances()}, {@code volumes()}, {@code images()}, {@code keypairs()},
 * {@code securityGroups()} (with {@code rules()}), {@code networks()}, {@code subnets()},
 * {@code floatingIps()}, {@code flavors()} and {@code availabilityZones()} return the classes of
 * this package. The decision behind their shape, in the spirit of openstack4j
 * ({@code os.compute().servers().get(id)}) and the AWS SDK v2:
 * <ul>
 *   <li>They adapt shapes only, and never copy the contract: every call goes through the
 *       generated interface, so the request is validated against the contract and every failure
 *       is the client's typed exception, as with {@code toast.api(XxxApi.class)}.</li>
 *   <li>{@code create(spec)} takes the spec without its one-field request wrapper and returns
 *       what was created, without the response envelope (a failure has already been thrown).</li>
 *   <li>{@code get(id)} and {@code findByName(name)} return {@link java.util.Optional}: a
 *       not-found answer, or a list without that id, is empty; every other failure is thrown.
 *       Names are not unique, so {@code findByName} refuses to pick among several
 *       ({@code findAllByName} lists them).</li>
 *   <li>Ids are small records ({@link io.toastcloud.compute.client.resource.InstanceId},
 *       {@link io.toastcloud.compute.client.resource.VolumeId}, ...), so that arguments cannot be
 *       swapped; they check only that a value is there.</li>
 *   <li>Waiters return what the next step needs: the instance waiter the
 *       {@code InstanceDetail} with its addresses.</li>
 * </ul>
 * Whatever they leave out stays reachable, in the generated shape, through
 * {@code toast.api(XxxApi.class)}. The contract is untouched by this layer, so the decision is
 * recorded here and in README.md rather than in {@code spec/DECISIONS.md}.
 */
package io.toastcloud.compute.client.resource;
