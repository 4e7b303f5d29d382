package org.seed.sip.it.arquillian;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import org.jboss.arquillian.container.spi.ConfigurationException;
import org.jboss.arquillian.container.spi.client.container.ContainerConfiguration;

/**
 * Where the platform under test comes from, set in arquillian.xml (values there may be filled in from
 * system properties by the build).
 */
public class SipPlatformConfiguration implements ContainerConfiguration {

    private String serverJar;
    private String platformHome;
    private String workDirectory;
    private String javaOptions = "";
    private int startTimeoutSeconds = 60;

    @Override
    public void validate() throws ConfigurationException {
        if (serverJar == null || !Files.isRegularFile(Paths.get(serverJar))) {
            throw new ConfigurationException("serverJar '" + serverJar + "' is not a file: build the server module first");
        }
        if (platformHome == null || !Files.isDirectory(Paths.get(platformHome, "conf"))) {
            throw new ConfigurationException("platformHome '" + platformHome + "' has no conf/ directory");
        }
        if (workDirectory == null) {
            throw new ConfigurationException("workDirectory is not set");
        }
    }

    public Path serverJarPath() {
        return Paths.get(serverJar).toAbsolutePath();
    }

    public Path platformHomePath() {
        return Paths.get(platformHome).toAbsolutePath();
    }

    public Path workDirectoryPath() {
        return Paths.get(workDirectory).toAbsolutePath();
    }

    public String getServerJar() {
        return serverJar;
    }

    public void setServerJar(String serverJar) {
        this.serverJar = serverJar;
    }

    public String getPlatformHome() {
        return platformHome;
    }

    public void setPlatformHome(String platformHome) {
        this.platformHome = platformHome;
    }

    public String getWorkDirectory() {
        return workDirectory;
    }

    public void setWorkDirectory(String workDirectory) {
        this.workDirectory = workDirectory;
    }

    public String getJavaOptions() {
        return javaOptions;
    }

    public void setJavaOptions(String javaOptions) {
        this.javaOptions = javaOptions;
    }

    public int getStartTimeoutSeconds() {
        return startTimeoutSeconds;
    }

    public void setStartTimeoutSeconds(int startTimeoutSeconds) {
        this.startTimeoutSeconds = startTimeoutSeconds;
    }
}
