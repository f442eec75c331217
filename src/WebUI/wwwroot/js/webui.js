// Small browser helpers the dashboard calls through JS interop.
window.webui = {
    // Saves bytes streamed from the server (DotNetStreamReference) as a file.
    downloadStream: async function (fileName, streamRef) {
        const buffer = await streamRef.arrayBuffer();
        webui.saveBlob(fileName, new Blob([buffer]));
    },
    downloadText: function (fileName, text) {
        webui.saveBlob(fileName, new Blob([text], { type: "text/plain;charset=utf-8" }));
    },
    saveBlob: function (fileName, blob) {
        const url = URL.createObjectURL(blob);
        const a = document.createElement("a");
        a.href = url;
        a.download = fileName;
        document.body.appendChild(a);
        a.click();
        a.remove();
        URL.revokeObjectURL(url);
    },
    scrollToBottom: function (element) {
        if (element) element.scrollTop = element.scrollHeight;
    },
    // Marks the page interactive (the circuit is up), for tests and benchmarks to wait on.
    ready: function () {
        document.documentElement.dataset.circuit = "ready";
    },
    getTheme: function () {
        return localStorage.getItem("webui-theme");
    },
    setTheme: function (value) {
        localStorage.setItem("webui-theme", value);
    }
};
