<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>LoginDialog</name>
    <message numerus="yes">
        <source>The window was locked after %n minute(s) without use. Log in again to continue.</source>
        <translation>
            <numerusform>The window was locked after %n minute without use. Log in again to continue.</numerusform>
            <numerusform>The window was locked after %n minutes without use. Log in again to continue.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RegisterPage</name>
    <message numerus="yes">
        <source>%n household(s)</source>
        <translation>
            <numerusform>%n household</numerusform>
            <numerusform>%n households</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VillagesPage</name>
    <message numerus="yes">
        <source>%n village(s) or residential group(s)</source>
        <translation>
            <numerusform>%n village or residential group</numerusform>
            <numerusform>%n villages or residential groups</numerusform>
        </translation>
    </message>
</context>
</TS>
