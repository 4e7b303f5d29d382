package org.seed.sip.kit.cdi;

import java.lang.reflect.Member;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.enterprise.context.spi.CreationalContext;
import javax.enterprise.event.Observes;
import javax.enterprise.inject.spi.AfterDeploymentValidation;
import javax.enterprise.inject.spi.Bean;
import javax.enterprise.inject.spi.BeanManager;
import javax.enterprise.inject.spi.BeforeBeanDiscovery;
import javax.enterprise.inject.spi.BeforeShutdown;
import javax.enterprise.inject.spi.Extension;
import javax.enterprise.inject.spi.InjectionPoint;
import javax.enterprise.inject.spi.ProcessBean;
import javax.enterprise.inject.spi.ProcessProducer;
import javax.enterprise.inject.spi.ProcessProducerField;
import javax.enterprise.inject.spi.ProcessProducerMethod;
import javax.enterprise.inject.spi.Producer;
import javax.inject.Singleton;

import org.seed.sip.kit.lifecycle.Lifecycle;
import org.seed.sip.kit.lifecycle.Managed;

/**
 * Makes an application's CDI container its composition root and lifecycle (registered in
 * {@code META-INF/services} of this jar, which each application carries next to its Weld):
 * <ul>
 *   <li>adds {@link PlatformBeans}, the producers every application shares;</li>
 *   <li>every {@link Managed} part an application produces (a {@code @Singleton} producer method or field
 *       whose type is {@code Managed}) is built when the container has validated the deployment, and
 *       started in the order the parts were built: a part is built after the parts it is built from, so it
 *       starts after them and stops before them;</li>
 *   <li>a part that fails to start stops those started and fails the deployment, so the application (and
 *       the platform, which refuses to run with an application missing) does not start;</li>
 *   <li>the container's shutdown (the application stopping) stops the parts in reverse.</li>
 * </ul>
 */
public class PlatformExtension implements Extension {

    /** Weld may process beans on several threads at once (its concurrent deployment). */
    private final List<Bean<?>> managedBeans = new CopyOnWriteArrayList<>();
    private volatile Class<?> compositionRoot;
    private volatile Lifecycle lifecycle;

    void addPlatformBeans(@Observes BeforeBeanDiscovery event, BeanManager manager) {
        event.addAnnotatedType(manager.createAnnotatedType(PlatformBeans.class), PlatformBeans.class.getName());
    }

    void recordBuilding(@Observes ProcessProducer<?, ? extends Managed> event) {
        record(event);
    }

    private <X, T extends Managed> void record(ProcessProducer<X, T> event) {
        event.setProducer(recording(event.getAnnotatedMember().getJavaMember().getName(), event.getProducer()));
    }

    void collect(@Observes ProcessProducerMethod<? extends Managed, ?> event) {
        collect(event.getBean(), event.getAnnotatedProducerMethod().getJavaMember(), event);
    }

    void collect(@Observes ProcessProducerField<? extends Managed, ?> event) {
        collect(event.getBean(), event.getAnnotatedProducerField().getJavaMember(), event);
    }

    private void collect(Bean<?> bean, Member member, ProcessBean<?> event) {
        if (bean.getScope() != Singleton.class) {
            // one instance, built here and stopped once; another scope would build it again elsewhere
            event.addDefinitionError(new IllegalStateException(member + " produces a Managed part: it must be @Singleton"));
            return;
        }
        managedBeans.add(bean);
        if (member.getDeclaringClass() != PlatformBeans.class) {
            compositionRoot = member.getDeclaringClass();
        }
    }

    /**
     * The application's name in log lines: its composition root's ({@code RegistrarBeans}). (Weld's
     * ServletContext bean is bound to a request, so the servlet context's own name is out of reach here.)
     */
    String applicationName() {
        Class<?> root = compositionRoot;
        return root == null ? "application" : root.getSimpleName();
    }

    void start(@Observes AfterDeploymentValidation event, BeanManager manager) {
        lifecycle = new Lifecycle(applicationName());
        try {
            // started before anything is built: each part then starts the moment it is built, after the parts
            // it was built from (the application's use of the shared store first of all), and a part that
            // fails stops exactly those that had started
            lifecycle.start();
            for (Bean<?> bean : managedBeans) {
                build(bean, manager);
            }
        } catch (RuntimeException e) {
            lifecycle.stop();
            event.addDeploymentProblem(e);
        }
    }

    void stop(@Observes BeforeShutdown event) {
        if (lifecycle != null) {
            lifecycle.stop();
        }
    }

    private static <T> void build(Bean<T> bean, BeanManager manager) {
        // a @Singleton has no client proxy: the reference is the instance, built now with what it is built from
        manager.getReference(bean, Object.class, manager.createCreationalContext(bean));
    }

    private <T extends Managed> Producer<T> recording(String name, Producer<T> producer) {
        return new Producer<>() {
            @Override
            public T produce(CreationalContext<T> context) {
                T part = producer.produce(context);
                Lifecycle running = lifecycle;
                if (running == null) {
                    throw new IllegalStateException("a Managed part was built before the deployment was validated");
                }
                running.add(name, part);
                return part;
            }

            @Override
            public void dispose(T instance) {
                producer.dispose(instance);
            }

            @Override
            public Set<InjectionPoint> getInjectionPoints() {
                return producer.getInjectionPoints();
            }
        };
    }
}
