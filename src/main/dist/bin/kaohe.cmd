@echo off
rem kaohe.cmd: runs kaohe.jar (one folder up: target\kaohe.jar after `mvn package`) with class-data
rem sharing, passing every argument through, as bin/kaohe does on Linux: after each build the first
rem call extracts the jar (cds\app) and records the archive (cds\kaohe.jsa) in a training run of
rem `rules list` on a file database of its own (cds\training, deleted after); later calls map it. A changed jar (its size or time
rem differs from cds\jar.stamp) makes both again. Where they cannot be made, the jar runs as
rem `java -jar` would. KAOHE_JAVA_OPTS: JVM options (e.g. -Xmx1g). JAVA_HOME: the JDK (17 or newer).
setlocal EnableExtensions
set "HOME_DIR=%~dp0.."
set "JAR=%HOME_DIR%\kaohe.jar"
set "CDS=%HOME_DIR%\cds"
set "APP=%CDS%\app\kaohe.jar"
set "ARCHIVE=%CDS%\kaohe.jsa"
set "JAVA=java"
if defined JAVA_HOME set "JAVA=%JAVA_HOME%\bin\java.exe"
rem JVM warnings go to standard error: standard output is the command's alone (csv, json).
set "QUIET=-Xlog:disable -Xlog:all=warning:stderr"

rem Chinese output is UTF-8: the console shows it in code page 65001, restored afterwards.
set "OLD_CP="
for /f "tokens=2 delims=:." %%c in ('chcp') do set /a OLD_CP=%%c
chcp 65001 >nul

if exist "%JAR%" goto found
echo kaohe: "%JAR%" 不存在,请先运行 mvn -DskipTests package / "%JAR%" is missing: run mvn -DskipTests package first 1>&2
set "EXIT=1"
goto restore

:found

for %%F in ("%JAR%") do set "STAMP=%%~zF %%~tF"
set "MADE="
if exist "%CDS%\jar.stamp" set /p MADE=<"%CDS%\jar.stamp"
set "FAILED="
if exist "%CDS%\unavailable" set /p FAILED=<"%CDS%\unavailable"
if exist "%ARCHIVE%" if exist "%APP%" if "%STAMP%"=="%MADE%" goto shared
rem A jar rebuilt within the same minute at the same size is not noticed: delete cds\ then.
rem A failed preparation is not tried again for the same jar.
if "%STAMP%"=="%FAILED%" goto plain
if not exist "%CDS%" mkdir "%CDS%" 2>nul
mkdir "%CDS%.lock" 2>nul || goto plain

echo kaohe: 构建后首次运行,正在准备类数据共享(一次)/ first run after a build: preparing class-data sharing (once) 1>&2
del /q "%ARCHIVE%" "%CDS%\jar.stamp" "%CDS%\unavailable" 2>nul
if exist "%CDS%\app" rmdir /s /q "%CDS%\app"
"%JAVA%" -Djarmode=tools -jar "%JAR%" extract --destination "%CDS%\app" >nul
if errorlevel 1 goto failed
"%JAVA%" %QUIET% -XX:ArchiveClassesAtExit="%ARCHIVE%" -Dspring.aot.enabled=true -jar "%APP%" rules list --spring.datasource.url="jdbc:h2:file:%CDS%\training\kaohe" --kaohe.key-file="%CDS%\training\kaohe.key" --logging.level.root=OFF >nul 2>&1
if errorlevel 1 goto failed
if not exist "%ARCHIVE%" goto failed
if exist "%CDS%\training" rmdir /s /q "%CDS%\training"
> "%CDS%\jar.stamp" echo %STAMP%
rmdir "%CDS%.lock"
goto shared

:failed
echo kaohe: 未能准备类数据共享,照常运行 / class-data sharing could not be prepared: running without it 1>&2
del /q "%ARCHIVE%" 2>nul
if exist "%CDS%\training" rmdir /s /q "%CDS%\training"
> "%CDS%\unavailable" echo %STAMP%
rmdir "%CDS%.lock"

:plain
"%JAVA%" %KAOHE_JAVA_OPTS% -jar "%JAR%" %*
goto end

:shared
rem Short commands run on C1 alone, as in bin/kaohe; the web server and long commands keep the full JIT.
set "JIT="
for %%w in (--version -V --help -h completion users explain audit) do if /i "%~1"=="%%w" set "JIT=-XX:TieredStopAtLevel=1"
if /i "%~1"=="rules" for %%w in (list draft test) do if /i "%~2"=="%%w" set "JIT=-XX:TieredStopAtLevel=1"
rem A command (a first argument that is not an option) starts Spring from its ahead-of-time code, as in bin/kaohe.
set "AOT="
set "FIRST=%~1"
if defined FIRST if not "%FIRST:~0,1%"=="-" set "AOT=-Dspring.aot.enabled=true"
rem That code carries logback-cli.xml's model: a logging configuration of the user's own needs the ordinary start.
echo(%*| findstr /c:"--logging.config" >nul && set "AOT="
rem A command runs with the parallel collector, the web server with the JVM's choice, as in bin/kaohe;
rem a collector named in KAOHE_JAVA_OPTS is used instead (the JVM refuses two).
set "GC="
if defined FIRST if not "%FIRST:~0,1%"=="-" set "GC=-XX:+UseParallelGC"
echo(%KAOHE_JAVA_OPTS%| findstr /r /c:"-XX:+Use[A-Za-z]*GC" >nul && set "GC="
"%JAVA%" %QUIET% -XX:SharedArchiveFile="%ARCHIVE%" %JIT% %AOT% %GC% %KAOHE_JAVA_OPTS% -jar "%APP%" %*

:end
set "EXIT=%ERRORLEVEL%"
:restore
if defined OLD_CP chcp %OLD_CP% >nul
exit /b %EXIT%
